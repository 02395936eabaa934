package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.SeedForm.EVENT_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.i18n.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands that work at any step: status, language, reminders; and what idle speakers hear. */
class SpeakerCommandsTest {
  private static final Choice START = new Choice("我要投稿", "/start");

  private final EngineHarness h = EngineHarness.seed();

  @Test
  void status_withNoProposals_saysSo_andOffersToStart() {
    TurnResult r = h.send("/status");

    assertThat(r.replies()).containsExactly(new Reply(h.t("status.none"), List.of(START), false));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void status_listsEachProposalWithItsState() {
    SeedForm.submit(h, "第一个议题");
    SeedForm.submit(h, "第二个议题");
    h.send("/withdraw GZ-02");
    h.send("/confirm");
    SeedForm.startAndAnswer(h, 0);

    TurnResult r = h.send("状态");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                "你的投稿：\n"
                    + "• GZ-01 《第一个议题》 — 已提交，等待评选 · "
                    + EVENT_TITLE
                    + "\n• GZ-02 《第二个议题》 — 已撤回 · "
                    + EVENT_TITLE
                    + "\n• 《未命名》 — 草稿（未提交） · "
                    + EVENT_TITLE),
            Reply.text(SeedForm.Q1));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state().step()).isEqualTo(Step.ASK);
  }

  @Test
  void langEn_switchesTheTextsToEnglish() {
    h.send("/start");

    TurnResult r = h.send("/lang en");

    assertThat(r.effects()).containsExactly(new Effect.SetLanguage("en"));
    assertThat(r.replies())
        .containsExactly(
            Reply.text("OK, I will speak English from now on."),
            Reply.text("(1/7) What is your name?"));
    assertThat(h.speaker.language()).isEqualTo("en");
    h.send("/skip");
    assertThat(h.texts())
        .containsExactly("Name is required and cannot be skipped.", "(1/7) What is your name?");
  }

  @Test
  void englishSpeaker_getsEnglishQuestionsAndErrors() {
    h.send("/start");
    h.send("english");
    h.send("Zhang San");
    h.send("An operations engineer.");
    h.send("/skip");

    TurnResult r = h.send("12345");

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.messages.text(Lang.EN, "invalid.phone") + "\nFor example: +86 138 0013 8000",
                List.of(),
                true));
  }

  @Test
  void languageWords_switchBothWays() {
    assertThat(h.send("english").effects()).containsExactly(new Effect.SetLanguage("en"));
    assertThat(h.texts()).containsExactly("OK, I will speak English from now on.");

    assertThat(h.send("中文").effects()).containsExactly(new Effect.SetLanguage("zh"));
    assertThat(h.texts()).containsExactly("好的，接下来我会用中文和你交流。");

    assertThat(h.send("english").effects()).containsExactly(new Effect.SetLanguage("en"));
  }

  @Test
  void remindersOff_turnsThemOff() {
    TurnResult r = h.send("/reminders off");

    assertThat(r.effects()).containsExactly(new Effect.SetReminders(false));
    assertThat(r.replies()).containsExactly(Reply.text(h.t("reminders.off")));
    assertThat(h.speaker.reminders()).isFalse();
  }

  @Test
  void reminders_onAndToggle() {
    h.send("/reminders off");

    assertThat(h.send("/reminders on").effects()).containsExactly(new Effect.SetReminders(true));
    assertThat(h.texts()).containsExactly(h.t("reminders.on"));
    assertThat(h.send("/reminders").effects()).containsExactly(new Effect.SetReminders(false));
    assertThat(h.send("/reminders").effects()).containsExactly(new Effect.SetReminders(true));
  }

  @Test
  void remindersOff_duringTheForm_asksTheQuestionAgain() {
    h.send("/start");

    TurnResult r = h.send("/reminders 关闭");

    assertThat(r.replies())
        .containsExactly(Reply.text(h.t("reminders.off")), Reply.text(SeedForm.Q1));
  }

  @Test
  void unknownSlashCommand_saysSo_andAsksTheQuestionAgain() {
    h.send("/start");

    TurnResult r = h.send("/accept GZ-01");

    assertThat(r.replies())
        .containsExactly(Reply.text("我不认识 /accept 这个指令。发送「帮助」查看可用的指令。"), Reply.text(SeedForm.Q1));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void textWhenIdle_getsTheHint() {
    TurnResult r = h.send("你好");

    assertThat(r.replies()).containsExactly(new Reply(h.t("idle.hint"), List.of(START), false));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void photoWhenIdle_getsTheHint() {
    assertThat(h.send(new Content.Unsupported("photo")).replies())
        .containsExactly(new Reply(h.t("idle.hint"), List.of(START), false));
  }

  @Test
  void following_welcomesWithTheOpenCall() {
    TurnResult r = h.send(new Content.Followed());

    String summary =
        new Templates(h.messages)
            .event(h.config.event(EngineHarness.SEED_EVENT).orElseThrow(), Lang.ZH);
    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("welcome") + "\n\n" + summary + "\n\n" + h.t("start.how"),
                List.of(START),
                false));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void confirmBackAndSkip_whenIdle_sayThereIsNothingToDo() {
    assertThat(h.send("/confirm").replies()).containsExactly(Reply.text(h.t("confirm.nothing")));
    assertThat(h.send("/back").replies()).containsExactly(Reply.text(h.t("back.nothing")));
    assertThat(h.send("/skip").replies()).containsExactly(Reply.text(h.t("skip.nothing")));
  }
}
