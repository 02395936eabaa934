package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A draft left unfinished: /start offers to continue it or start over. */
class ResumeTest {
  private static final List<Choice> RESUME_CHOICES =
      List.of(new Choice("继续", "/continue"), new Choice("重新开始", "/restart"));

  private final EngineHarness h = EngineHarness.seed();

  private Reply resume(int answered) {
    return new Reply(
        h.t("resume", "title", SeedForm.EVENT_TITLE, "answered", answered, "count", 7),
        RESUME_CHOICES,
        false);
  }

  @Test
  void start_withADraftLeftAtFieldFour_offersToContinueOrRestart() {
    String id = SeedForm.startAndAnswer(h, 3);

    TurnResult r = h.send("/start");

    assertThat(r.replies()).containsExactly(resume(3));
    assertThat(resume(3).text())
        .isEqualTo("你有一份「Techparty 广州 · Docker 技术沙龙」的投稿还没有完成（已回答 3/7 项）。回复「继续」接着填，或「重新开始」。");
    assertThat(r.effects()).isEmpty();
    assertThat(r.state())
        .isEqualTo(new ConversationState(Step.RESUME, SEED_EVENT, "phone", id, 0, false));
  }

  @Test
  void continue_asksFieldFour() {
    String id = SeedForm.startAndAnswer(h, 3);
    h.send("/start");

    TurnResult r = h.send("继续");

    assertThat(r.replies()).containsExactly(new Reply(SeedForm.Q4, List.of(), true));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.ask(SEED_EVENT, id, "phone", false));
  }

  @Test
  void restart_discardsTheDraft_andBeginsANewOne() {
    String old = SeedForm.startAndAnswer(h, 3);
    h.send("投稿");

    TurnResult r = h.send("重新开始");

    String fresh = h.lastInput.newId();
    assertThat(fresh).isNotEqualTo(old);
    assertThat(r.effects())
        .containsExactly(new Effect.DiscardDraft(old), new Effect.CreateDraft(fresh, SEED_EVENT));
    // The call and the first question: one message.
    assertThat(r.replies()).hasSize(1);
    assertThat(r.replies().get(0).text())
        .endsWith(h.t("form.start", "count", 7) + "\n\n" + SeedForm.Q1);
    assertThat(r.replies().get(0).choices()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.ask(SEED_EVENT, fresh, "name", false));
    assertThat(h.only().id()).isEqualTo(fresh);
    assertThat(h.answers(fresh)).isEmpty();
  }

  @Test
  void draftLeftAtTheSummary_resumesToTheSummary() {
    String id = SeedForm.fill(h, SeedForm.TITLE);

    assertThat(h.send("/start").replies()).containsExactly(resume(7));
    assertThat(h.state)
        .isEqualTo(new ConversationState(Step.RESUME, SEED_EVENT, null, id, 0, false));
    TurnResult r = h.send("/continue");

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("review", "answers", SeedForm.block(SeedForm.TITLE)),
                SeedForm.REVIEW_CHOICES,
                false));
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
  }

  @Test
  void draftLeftWhileChangingAFieldFromTheSummary_resumesToTheSummary() {
    SeedForm.fill(h, SeedForm.TITLE);
    h.send("/edit title");

    h.send("/start");
    h.send("/continue");

    assertThat(h.state.step()).isEqualTo(Step.REVIEW);
  }

  @Test
  void textAtTheResumeQuestion_asksItAgain_keepingWhereToResume() {
    String id = SeedForm.startAndAnswer(h, 3);
    h.send("/start");

    TurnResult r = h.send("嗯");

    assertThat(r.replies()).containsExactly(resume(3));
    assertThat(r.state())
        .isEqualTo(new ConversationState(Step.RESUME, SEED_EVENT, "phone", id, 0, false));
  }

  @Test
  void cancel_atTheResumeQuestion_discardsTheDraftOnceConfirmed() {
    String id = SeedForm.startAndAnswer(h, 3);
    h.send("/start");
    assertThat(h.send("/cancel").effects()).isEmpty();

    TurnResult r = h.send("确认");

    assertThat(r.effects()).containsExactly(new Effect.DiscardDraft(id));
    assertThat(h.submissions()).isEmpty();
  }

  @Test
  void continue_withNothingToContinue_saysHowToStart() {
    TurnResult r = h.send("继续");

    assertThat(r.replies())
        .containsExactly(new Reply(h.t("idle.hint"), List.of(new Choice("我要投稿", "/start")), false));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }
}
