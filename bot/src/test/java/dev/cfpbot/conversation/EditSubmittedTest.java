package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static dev.cfpbot.conversation.SeedForm.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Changing a submitted proposal: edits are pending until confirmed. */
class EditSubmittedTest {
  private static final String NEW_TITLE = "Docker 镜像安全实践";
  private static final long MB = 1024L * 1024L;

  private final EngineHarness h = EngineHarness.seed();

  private Reply editing(String block) {
    return new Reply(
        h.t("review.editing", "code", "GZ-01", "answers", block), SeedForm.REVIEW_CHOICES, false);
  }

  @Test
  void edit_afterSubmitting_opensTheListOfItsAnswers() {
    String id = SeedForm.submit(h, TITLE);

    TurnResult r = h.send("/edit");

    assertThat(r.replies().get(0).text())
        .startsWith("要修改 GZ-01 《" + TITLE + "》的哪一项？请回复编号：\n1. 姓名：张三\n");
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.PICK_FIELD, SEED_EVENT, id));
  }

  @Test
  void changingTheTitle_savesAPendingAnswer_andShowsTheEditedSummary() {
    String id = SeedForm.submit(h, TITLE);
    h.send("修改");
    assertThat(h.send("/edit title").replies())
        .containsExactly(Reply.text(SeedForm.Q5 + "\n当前的回答：" + TITLE));

    TurnResult r = h.send(NEW_TITLE);

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("title", NEW_TITLE), true));
    assertThat(r.replies()).containsExactly(editing(SeedForm.block(NEW_TITLE)));
    assertThat(h.answers(id).get("title")).isEqualTo(Answer.text("title", TITLE));
    assertThat(h.views().get(0).editing()).isTrue();
  }

  @Test
  void confirm_ofEdits_confirmsThem_andSaysTheyAreSaved() {
    String id = SeedForm.submit(h, TITLE);
    h.send("/edit");
    h.send("/edit title");
    h.send(NEW_TITLE);

    TurnResult r = h.send("/confirm");

    assertThat(r.effects()).containsExactly(new Effect.ConfirmEdits(id));
    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                "✅ 已保存对 GZ-01 《Docker 镜像安全实践》的修改，组织者会收到更新。\n\n" + SeedForm.block(NEW_TITLE)));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    assertThat(h.answers(id).get("title")).isEqualTo(Answer.text("title", NEW_TITLE));
    assertThat(h.pendingEdits(id)).isEmpty();
  }

  @Test
  void cancel_whileEditing_discardsTheEdits() {
    String id = SeedForm.submit(h, TITLE);
    h.send("/edit");
    h.send("/edit title");
    h.send(NEW_TITLE);

    TurnResult r = h.send("/cancel");

    assertThat(r.effects()).containsExactly(new Effect.DiscardEdits(id));
    assertThat(r.replies()).containsExactly(Reply.text("已放弃修改，GZ-01 保持原样。"));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    assertThat(h.answers(id).get("title")).isEqualTo(Answer.text("title", TITLE));
    assertThat(h.pendingEdits(id)).isEmpty();
  }

  @Test
  void confirm_withNoChange_saysNothingChanged() {
    SeedForm.submit(h, TITLE);
    h.send("/edit");

    TurnResult r = h.send("确认");

    assertThat(r.effects()).isEmpty();
    assertThat(r.replies()).containsExactly(Reply.text("GZ-01 《从零到生产：我们的 Docker 迁移之路》没有修改。"));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void skippingAnOptionalField_whileEditing_savesAPendingRemoval() {
    String id = SeedForm.submit(h, TITLE);
    h.send("/edit");
    h.send("/edit slides");

    TurnResult r = h.send("/skip");

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, new Answer("slides", null, null), true));
    String without = SeedForm.block(TITLE).replace(SeedForm.SLIDES_LINK, "（未填写）");
    assertThat(r.replies()).containsExactly(editing(without));
    h.send("/confirm");
    assertThat(h.answers(id)).doesNotContainKey("slides");
  }

  @Test
  void edit_afterTheDeadline_saysTheEventClosed() {
    SeedForm.submit(h, TITLE);
    h.now = Instant.parse("2027-10-30T16:00:00Z");

    TurnResult r = h.send("/edit");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                h.t("closed.event", "title", SeedForm.EVENT_TITLE, "deadline", SeedForm.DEADLINE)));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void confirm_ofEditsAfterTheDeadline_isRefusedAndDropsTheEdits() {
    String id = SeedForm.submit(h, TITLE);
    h.send("/edit");
    h.send("/edit title");
    h.send(NEW_TITLE);
    h.now = Instant.parse("2027-10-30T16:00:00Z");

    TurnResult r = h.send("/confirm");

    assertThat(r.effects()).containsExactly(new Effect.DiscardEdits(id));
    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                h.t("closed.event", "title", SeedForm.EVENT_TITLE, "deadline", SeedForm.DEADLINE)));
    assertThat(h.answers(id).get("title")).isEqualTo(Answer.text("title", TITLE));
    assertThat(h.views().get(0).editing()).isFalse();
  }

  @Test
  void edit_withNoProposal_saysThereIsNothingToEdit() {
    TurnResult r = h.send("/edit");

    assertThat(r.replies())
        .containsExactly(
            new Reply(h.t("edit.nothing"), List.of(new Choice("我要投稿", "/start")), false));
  }

  @Test
  void start_whileEditing_asksToFinishTheEditFirst() {
    String id = SeedForm.submit(h, TITLE);
    h.send("/edit");

    TurnResult r = h.send("/start");

    assertThat(r.replies().get(0)).isEqualTo(Reply.text("你正在修改 GZ-01。请先「确认」保存或「取消」放弃修改。"));
    assertThat(r.replies().get(1).text()).startsWith("要修改 GZ-01 《" + TITLE + "》的哪一项？");
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.PICK_FIELD, SEED_EVENT, id));
  }

  @Test
  void fileSentWhenIdle_withOneSubmittedProposal_opensAnEditWithTheSlides() {
    String id = SeedForm.submit(h, TITLE);

    TurnResult r =
        h.send(new Content.Attachment("slides-v2.pdf", "application/pdf", 3 * MB, "tg-file-9"));

    FileRef file = new FileRef("slides-v2.pdf", "application/pdf", 3 * MB, null, null, "tg-file-9");
    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.file("slides", file), true));
    String block = SeedForm.block(TITLE).replace(SeedForm.SLIDES_LINK, "slides-v2.pdf (3.0 MB)");
    assertThat(r.replies()).containsExactly(editing(block));
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
    assertThat(h.pendingEdits(id)).containsEntry("slides", Answer.file("slides", file));
  }

  @Test
  void fileSentWhenIdle_withNoProposal_isUnexpected() {
    TurnResult r = h.send(new Content.Attachment("slides.pdf", "application/pdf", MB, "ref"));

    assertThat(r.replies()).containsExactly(Reply.text(h.t("file.unexpected")));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void fileSentWhenIdle_withTwoProposals_asksWhichOne() {
    SeedForm.submit(h, "第一个议题");
    SeedForm.submit(h, "第二个议题");

    TurnResult r = h.send(new Content.Attachment("slides.pdf", "application/pdf", MB, "ref"));

    assertThat(r.replies()).containsExactly(Reply.text(h.t("file.which")));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void edit_withTwoProposals_asksWhichOne_andANumberOpensIt() {
    SeedForm.submit(h, "第一个议题");
    String second = SeedForm.submit(h, "第二个议题");

    TurnResult r = h.send("/edit");

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("edit.pick_submission", "list", "1. GZ-01 《第一个议题》\n2. GZ-02 《第二个议题》"),
                List.of(new Choice("GZ-01", "/edit GZ-01"), new Choice("GZ-02", "/edit GZ-02")),
                false));
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.PICK_TO_EDIT, null, null));
    h.send("2");
    assertThat(h.state).isEqualTo(ConversationState.on(Step.PICK_FIELD, SEED_EVENT, second));
    assertThat(h.texts().get(0)).startsWith("要修改 GZ-02 《第二个议题》的哪一项？");
  }
}
