package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An edited message: applied to the answer it gave while that can change, never ignored. */
class EditedMessageTest {
  private final EngineHarness h = EngineHarness.seed();

  /** Sends the seed answers from /start, message "m1" for the name, "m2"... for the others. */
  private String answerWithIds(int count) {
    h.send(new Content.Text("/start"), "m0");
    String id = h.state.submissionId();
    List<String> answers = SeedForm.answers(SeedForm.TITLE);
    for (int i = 0; i < count; i++) {
      h.send(new Content.Text(answers.get(i)), "m" + (i + 1));
    }
    return id;
  }

  private TurnResult edit(String messageId, String text) {
    return h.send(new Content.Edited(messageId, text), "m-edit");
  }

  private String notRead(String prompt) {
    return h.t("edit.not_read") + "\n\n" + prompt;
  }

  @Test
  void editOfAnAnswer_inTheDraft_isApplied_andTheCurrentQuestionAskedAgain() {
    String id = answerWithIds(1);
    assertThat(h.answers(id).get("name")).isEqualTo(Answer.text("name", "张三", "m1"));

    TurnResult r = edit("m1", "张 三\u200B");

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("name", "张 三", "m1"), false));
    assertThat(r.replies()).containsExactly(Reply.text("已将「姓名」更新为：张 三\n\n" + SeedForm.Q2));
    assertThat(r.state()).isEqualTo(ConversationState.ask(SEED_EVENT, id, "bio", false));
  }

  @Test
  void editThatIsNoValidAnswer_isRefusedWithTheReason_andChangesNothing() {
    String id = answerWithIds(4);

    TurnResult r = edit("m4", "12345");

    assertThat(r.replies())
        .containsExactly(
            new Reply("修改没有保存：" + h.t("invalid.phone") + "\n\n" + SeedForm.Q5, List.of(), false));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state().failures()).isZero();
    assertThat(h.answers(id).get("phone").text()).isEqualTo(SeedForm.PHONE);
  }

  @Test
  void editOfAMessageThatAnsweredNothing_orWasReplaced_orIsNoAnswerNow_isNotRead() {
    String id = answerWithIds(1);
    h.send("/back");
    h.send(new Content.Text("李四"), "m9");

    assertThat(edit("m0", "/status").replies()).containsExactly(Reply.text(notRead(SeedForm.Q2)));
    assertThat(edit("m1", "王五").replies()).containsExactly(Reply.text(notRead(SeedForm.Q2)));
    assertThat(edit("m9", null).replies()).containsExactly(Reply.text(notRead(SeedForm.Q2)));
    assertThat(edit("m9", "确认").replies()).containsExactly(Reply.text(notRead(SeedForm.Q2)));
    assertThat(edit("m9", "/whatever").replies()).containsExactly(Reply.text(notRead(SeedForm.Q2)));
    assertThat(h.last.effects()).isEmpty();
    assertThat(h.answers(id).get("name").text()).isEqualTo("李四");
  }

  @Test
  void editOfASubmittedProposal_whenIdle_becomesAPendingEditToConfirm() {
    String id = answerWithIds(7);
    h.send("/confirm");

    TurnResult r = edit("m5", "Docker 镜像安全实践");

    assertThat(r.effects())
        .containsExactly(
            new Effect.SaveAnswer(id, Answer.text("title", "Docker 镜像安全实践", "m5"), true));
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
    assertThat(r.replies())
        .containsExactly(
            new Reply(
                "已将「演讲主题」更新为：Docker 镜像安全实践\n\n"
                    + h.t(
                        "review.editing",
                        "code",
                        "GZ-01",
                        "answers",
                        SeedForm.block("Docker 镜像安全实践")),
                SeedForm.REVIEW_CHOICES,
                false));
    assertThat(h.answers(id).get("title").text()).isEqualTo(SeedForm.TITLE);

    assertThat(h.send("确认").effects()).containsExactly(new Effect.ConfirmEdits(id));
    assertThat(h.answers(id).get("title").text()).isEqualTo("Docker 镜像安全实践");
  }

  @Test
  void editAfterTheDeadline_isNotRead() {
    String id = answerWithIds(7);
    h.send("/confirm");
    h.now = Instant.parse("2027-10-30T16:00:00Z");

    TurnResult r = edit("m5", "Docker 镜像安全实践");

    assertThat(r.replies())
        .containsExactly(
            new Reply(notRead(h.t("idle.hint")), List.of(new Choice("我要投稿", "/start")), false));
    assertThat(r.effects()).isEmpty();
    assertThat(h.answers(id).get("title").text()).isEqualTo(SeedForm.TITLE);
  }

  @Test
  void editWhileDoingSomethingElse_isNotRead_andThatGoesOn() {
    answerWithIds(7);
    h.send("/confirm");
    h.send("撤回");
    ConversationState confirming = h.state;

    TurnResult r = edit("m5", "Docker 镜像安全实践");

    assertThat(r.replies()).hasSize(1);
    assertThat(r.replies().get(0).text()).startsWith(h.t("edit.not_read") + "\n\n确定要撤回 GZ-01");
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(confirming);
  }
}
