package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static dev.cfpbot.conversation.SeedForm.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * /cancel backs out one step: from the "which answer?" list or a question opened from the summary
 * back to the summary; a draft with answers is dropped only once the speaker confirms.
 */
class CancelStepsTest {
  private static final List<Choice> DISCARD_OR_KEEP =
      List.of(new Choice("🗑 放弃草稿", "/confirm"), new Choice("保留", "/continue"));
  private static final String KEPT = "好的，草稿保留了。";

  private final EngineHarness h = EngineHarness.seed();

  private Reply summary() {
    return new Reply(
        h.t("review", "answers", SeedForm.block(TITLE)), SeedForm.REVIEW_CHOICES, false);
  }

  private static Reply confirm(int answered) {
    return new Reply(
        "确定要放弃这份草稿吗？已经填写的 " + answered + " 项回答都不会保留。回复「确认」放弃；发送其他任何内容都会保留草稿。",
        DISCARD_OR_KEEP,
        false);
  }

  @Test
  void cancel_atTheListOfAnswers_goesBackToTheSummary() {
    String id = SeedForm.fill(h, TITLE);
    h.send("修改");

    TurnResult r = h.send("/cancel");

    assertThat(r.replies()).containsExactly(summary());
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
  }

  @Test
  void cancel_atAQuestionOpenedFromTheSummary_goesBackToTheSummary() {
    String id = SeedForm.fill(h, TITLE);
    h.send("/edit title");

    TurnResult r = h.send("取消");

    assertThat(r.replies()).containsExactly(summary());
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
  }

  @Test
  void cancel_atTheSummaryOfADraft_asksFirst_andKeepsEverythingMeanwhile() {
    String id = SeedForm.fill(h, TITLE);

    TurnResult r = h.send("/cancel");

    assertThat(r.replies()).containsExactly(confirm(7));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.CONFIRM_CANCEL, SEED_EVENT, id));
    assertThat(h.submissions()).hasSize(1);
  }

  @Test
  void cancel_inEnglish_asksFirst() {
    h.send("/lang en");
    SeedForm.fill(h, TITLE);

    TurnResult r = h.send("cancel");

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                "Discard this draft? The 7 answers you gave will not be kept. Reply \"confirm\" to"
                    + " discard it; anything else keeps the draft.",
                List.of(
                    new Choice("🗑 Discard it", "/confirm"), new Choice("Keep it", "/continue")),
                false));
  }

  @Test
  void confirm_afterCancel_dropsTheDraft() {
    String id = SeedForm.fill(h, TITLE);
    h.send("/cancel");

    TurnResult r = h.send("确认");

    assertThat(r.effects()).containsExactly(new Effect.DiscardDraft(id));
    assertThat(r.replies())
        .containsExactly(
            new Reply(h.t("cancel.draft"), List.of(new Choice("我要投稿", "/start")), false));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    assertThat(h.submissions()).isEmpty();
  }

  @Test
  void theDiscardButton_dropsTheDraft() {
    String id = SeedForm.fill(h, TITLE);
    h.send("/cancel");

    TurnResult r = h.press("/confirm");

    assertThat(r.effects()).containsExactly(new Effect.DiscardDraft(id));
  }

  @Test
  void anythingElse_afterCancel_keepsTheDraft_andShowsTheSummaryAgain() {
    String id = SeedForm.fill(h, TITLE);
    h.send("/cancel");

    TurnResult r = h.send("算了");

    Reply again = summary();
    assertThat(r.replies()).containsExactly(again.withText(KEPT + "\n\n" + again.text()));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
    assertThat(h.submissions()).hasSize(1);
  }

  @Test
  void theKeepButton_keepsTheDraft() {
    SeedForm.fill(h, TITLE);
    h.send("/cancel");

    TurnResult r = h.press("/continue");

    assertThat(r.replies().get(0).text()).startsWith(KEPT + "\n\n请核对你的投稿：");
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void cancelAgain_keepsTheDraft() {
    SeedForm.fill(h, TITLE);
    h.send("/cancel");

    TurnResult r = h.send("取消");

    assertThat(r.replies().get(0).text()).startsWith(KEPT + "\n\n请核对你的投稿：");
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void anotherCommand_afterCancel_keepsTheDraft_andIsCarriedOut() {
    SeedForm.fill(h, TITLE);
    h.send("/cancel");

    TurnResult r = h.send("/status");

    assertThat(h.texts())
        .containsExactly(
            KEPT, "你的投稿：\n• 《" + TITLE + "》 — 草稿（未提交） · " + SeedForm.EVENT_TITLE, summary().text());
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void cancel_inTheMiddleOfTheForm_asksFirst_andKeepingAsksTheQuestionAgain() {
    String id = SeedForm.startAndAnswer(h, 4);

    assertThat(h.send("/cancel").replies()).containsExactly(confirm(4));
    TurnResult r = h.send("不要");

    assertThat(r.replies()).containsExactly(Reply.text(KEPT + "\n\n" + SeedForm.Q5));
    assertThat(r.state()).isEqualTo(ConversationState.ask(SEED_EVENT, id, "title", false));
  }

  @Test
  void cancel_ofADraftWithNoAnswer_dropsItAtOnce() {
    String id = SeedForm.startAndAnswer(h, 0);

    TurnResult r = h.send("/cancel");

    assertThat(r.effects()).containsExactly(new Effect.DiscardDraft(id));
    assertThat(r.replies())
        .containsExactly(
            new Reply(h.t("cancel.draft"), List.of(new Choice("我要投稿", "/start")), false));
  }

  @Test
  void cancel_atTheListOfASubmittedProposalWithNoChanges_leavesItAsItWas() {
    String id = SeedForm.submit(h, TITLE);
    h.send("修改");

    TurnResult r = h.send("/cancel");

    assertThat(r.replies()).containsExactly(Reply.text("已放弃修改，GZ-01 保持原样。"));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    assertThat(h.submission(id).state()).isEqualTo(dev.cfpbot.domain.SubmissionState.SUBMITTED);
  }
}
