package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Saved states that no longer fit, the engine as a pure function, and no silent turns. */
class StateSanityTest {
  private final EngineHarness h = EngineHarness.seed();

  @Test
  void askState_whoseSubmissionNoLongerExists_behavesAsIdle() {
    h.state = ConversationState.ask(SEED_EVENT, "gone", "phone", false);

    TurnResult r = h.send("13800138000");

    assertThat(r.replies())
        .containsExactly(new Reply(h.t("idle.hint"), List.of(new Choice("我要投稿", "/start")), false));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void askState_ofAnEventNoLongerConfigured_behavesAsIdle() {
    String id = SeedForm.startAndAnswer(h, 2);
    h.state = ConversationState.ask("sz-2026-old", id, "wechat", false);

    assertThat(h.send("/skip").replies()).containsExactly(Reply.text(h.t("skip.nothing")));
    assertThat(h.last.effects()).isEmpty();
    assertThat(h.state).isEqualTo(ConversationState.idle());
  }

  @Test
  void askState_forAFieldNoLongerInTheForm_goesToTheSummary() {
    String id = SeedForm.fill(h, SeedForm.TITLE);
    h.state = ConversationState.ask(SEED_EVENT, id, "company", false);

    TurnResult r = h.send("/help");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(h.t("help")),
            new Reply(
                h.t("review", "answers", SeedForm.block(SeedForm.TITLE)),
                SeedForm.REVIEW_CHOICES,
                false));
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
  }

  @Test
  void sameInput_twice_givesEqualResults() {
    SeedForm.fill(h, SeedForm.TITLE);
    TurnInput input = h.input(new Content.Text("/confirm"));

    TurnResult first = h.engine.handle(input);
    TurnResult second = h.engine.handle(input);

    assertThat(second).isEqualTo(first);
    assertThat(first.effects()).hasSize(1);
  }

  @Test
  void sameInput_twice_givesEqualResults_whenStarting() {
    TurnInput input = h.input(new Content.Text("/start"));

    assertThat(h.engine.handle(input)).isEqualTo(h.engine.handle(input));
  }

  /** Ways to reach each step (and editing a submitted proposal) from a fresh seed harness. */
  private static final Map<String, Supplier<EngineHarness>> SETUPS =
      Map.ofEntries(
          Map.entry("IDLE", () -> submitted(1)),
          Map.entry("IDLE_NOTHING", EngineHarness::seed),
          Map.entry("ASK", () -> at(h -> SeedForm.startAndAnswer(h, 2))),
          Map.entry("REVIEW", () -> at(h -> SeedForm.fill(h, "草稿"))),
          Map.entry("PICK_FIELD", () -> at(h -> SeedForm.fill(h, "草稿"), "/edit")),
          Map.entry("RESUME", () -> at(h -> SeedForm.startAndAnswer(h, 3), "/start")),
          Map.entry("EDITING", () -> then(submitted(1), "/edit")),
          Map.entry("EDITING_FIELD", () -> then(submitted(1), "/edit", "/edit title")),
          Map.entry("PICK_TO_EDIT", () -> then(submitted(2), "/edit")),
          Map.entry("PICK_TO_WITHDRAW", () -> then(submitted(2), "/withdraw")),
          Map.entry("CONFIRM_WITHDRAW", () -> then(submitted(1), "/withdraw")),
          Map.entry(
              "CHOOSE_EVENT",
              () ->
                  then(
                      EngineHarness.of(
                          TestConfigs.config(
                              3,
                              TestConfigs.SHORT_FORM,
                              TestConfigs.GUANGZHOU,
                              TestConfigs.SHENZHEN)),
                      "/start")));

  private static final List<Content> MESSAGES =
      List.of(
          new Content.Text("/start"),
          new Content.Text("/back"),
          new Content.Text("/skip"),
          new Content.Text("/cancel"),
          new Content.Text("/edit"),
          new Content.Text("/help"),
          new Content.Text("/status"),
          new Content.Text("/withdraw"),
          new Content.Text("/lang"),
          new Content.Text("/confirm"),
          new Content.Text("/continue"),
          new Content.Text("/restart"),
          new Content.Text("/reminders"),
          new Content.Text("/organizer_only"),
          new Content.Text("1"),
          new Content.Text("你好"),
          new Content.Text(""),
          new Content.Unsupported("voice"),
          new Content.SharedContact("+8613800138000"),
          new Content.Link("https://example.com/slides", "slides"),
          new Content.Attachment("slides.pdf", "application/pdf", 1024, "ref-1"),
          new Content.Pressed(null, "/confirm"),
          new Content.Pressed("AAAAAAAA", "/skip"),
          new Content.Pressed(null, "张三"),
          new Content.Edited("m-1", "张三"),
          new Content.Edited("m-1", null),
          new Content.Followed());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "IDLE",
        "IDLE_NOTHING",
        "ASK",
        "REVIEW",
        "PICK_FIELD",
        "RESUME",
        "EDITING",
        "EDITING_FIELD",
        "PICK_TO_EDIT",
        "PICK_TO_WITHDRAW",
        "CONFIRM_WITHDRAW",
        "CHOOSE_EVENT"
      })
  void everyMessage_atEveryStep_getsAReply_andEffectsThatApply(String setup) {
    SoftAssertions soft = new SoftAssertions();
    for (Content message : MESSAGES) {
      EngineHarness h = SETUPS.get(setup).get();
      TurnResult r = h.send(message);
      soft.assertThat(r.replies()).as(setup + " + " + message).isNotEmpty();
      soft.assertThat(r.replies())
          .as(setup + " + " + message)
          .allSatisfy(reply -> assertThat(reply.text()).isNotBlank());
    }
    soft.assertAll();
  }

  private static EngineHarness submitted(int count) {
    EngineHarness h = EngineHarness.seed();
    for (int i = 1; i <= count; i++) {
      SeedForm.submit(h, "议题 " + i);
    }
    return h;
  }

  private static EngineHarness at(
      java.util.function.Consumer<EngineHarness> setup, String... then) {
    EngineHarness h = EngineHarness.seed();
    setup.accept(h);
    return then(h, then);
  }

  private static EngineHarness then(EngineHarness h, String... messages) {
    for (String message : messages) {
      h.send(message);
    }
    return h;
  }
}
