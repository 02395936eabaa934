package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A button press acts only when it carries data the bot issued for the question now asked. */
class ButtonPressTest {
  private final EngineHarness h = EngineHarness.seed();

  private String inactive(String prompt) {
    return h.t("button.inactive") + "\n\n" + prompt;
  }

  @Test
  void pressOfTheCurrentQuestionsButton_actsAsItsCommand() {
    String id = SeedForm.startAndAnswer(h, 2);

    TurnResult r = h.press("/skip");

    assertThat(r.effects()).containsExactly(new Effect.RemoveAnswer(id, "wechat"));
    assertThat(r.state()).isEqualTo(ConversationState.ask(SEED_EVENT, id, "phone", false));
  }

  @Test
  void buttonOfAnEarlierQuestion_isNoLongerActive_andChangesNothing() {
    String id = SeedForm.startAndAnswer(h, 2);
    String atWechat = ButtonKeys.of(h.state);
    h.send(SeedForm.WECHAT);
    ConversationState atPhone = h.state;

    TurnResult r = h.send(new Content.Pressed(atWechat, "/skip"));

    assertThat(r.replies())
        .containsExactly(new Reply(inactive(SeedForm.Q4), List.of(), true, null, null));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(atPhone);
    assertThat(h.answers(id)).containsKey("wechat");
  }

  @Test
  void buttonOfAnotherProposal_isNoLongerActive_evenAtTheSameStep() {
    SeedForm.submit(h, SeedForm.TITLE);
    h.send("撤回");
    String withdrawKey = ButtonKeys.of(h.state);
    h.send("取消");
    String draft = SeedForm.fill(h, "第二个议题");

    TurnResult r = h.send(new Content.Pressed(withdrawKey, "/confirm"));

    assertThat(r.replies()).hasSize(1);
    assertThat(r.replies().get(0).text())
        .isEqualTo(inactive(h.t("review", "answers", SeedForm.block("第二个议题"))));
    assertThat(r.replies().get(0).choices()).isEqualTo(SeedForm.REVIEW_CHOICES);
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, draft));
  }

  @Test
  void dataTheBotNeverIssues_isNoLongerActive_whateverItsKey() {
    h.send("/start");
    String key = ButtonKeys.of(h.state);

    for (Content.Pressed forged :
        List.of(
            new Content.Pressed(key, "张三"),
            new Content.Pressed(key, "/no_such_command"),
            new Content.Pressed(null, "张三"),
            new Content.Pressed(null, "/skip"),
            new Content.Pressed("AAAAAAAA", "/cancel"))) {
      TurnResult r = h.send(forged);

      assertThat(r.replies()).containsExactly(Reply.text(inactive(SeedForm.Q1)));
      assertThat(r.effects()).isEmpty();
    }
    assertThat(h.state.fieldId()).isEqualTo("name");
  }

  @Test
  void staleButton_whenIdle_saysSo_andHowToStart() {
    SeedForm.submit(h, SeedForm.TITLE);

    TurnResult r = h.send(new Content.Pressed(null, "/confirm"));

    assertThat(r.replies())
        .containsExactly(
            new Reply(inactive(h.t("idle.hint")), List.of(new Choice("我要投稿", "/start")), false));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void reminderButtons_carryNoKey_andStillStartOrTurnRemindersOff() {
    SeedForm.startAndAnswer(h, 2);
    h.send(new Content.Pressed(null, "/reminders off"));
    assertThat(h.last.effects()).containsExactly(new Effect.SetReminders(false));

    TurnResult r = h.send(new Content.Pressed(null, "/start"));

    assertThat(r.state().step()).isEqualTo(Step.RESUME);
  }

  @Test
  void keys_nameTheQuestion_andFitInTelegramsCallbackData() {
    ConversationState name = ConversationState.ask(SEED_EVENT, "s-1", "name", false);

    assertThat(ButtonKeys.of(name)).hasSize(ButtonKeys.LENGTH).matches("[A-Za-z0-9_-]+");
    assertThat(ButtonKeys.of(name)).isEqualTo(ButtonKeys.of(name.withFailures(2)));
    assertThat(ButtonKeys.of(name))
        .isNotEqualTo(ButtonKeys.of(name.withField("bio")))
        .isNotEqualTo(ButtonKeys.of(ConversationState.ask(SEED_EVENT, "s-2", "name", false)))
        .isNotEqualTo(ButtonKeys.of(ConversationState.on(Step.REVIEW, SEED_EVENT, "s-1")));
    String data = ButtonKeys.data(ButtonKeys.of(name), "/skip");
    assertThat(ButtonKeys.parse(data)).isEqualTo(new Content.Pressed(ButtonKeys.of(name), "/skip"));
    assertThat(ButtonKeys.parse("/accept GZ-01"))
        .isEqualTo(new Content.Pressed(null, "/accept GZ-01"));
  }
}
