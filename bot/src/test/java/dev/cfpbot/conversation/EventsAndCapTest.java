package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.TestConfigs.BEIJING_CLOSED;
import static dev.cfpbot.conversation.TestConfigs.GUANGZHOU;
import static dev.cfpbot.conversation.TestConfigs.SHANGHAI_LATER;
import static dev.cfpbot.conversation.TestConfigs.SHENZHEN;
import static dev.cfpbot.conversation.TestConfigs.SHORT_FORM;
import static dev.cfpbot.conversation.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which call a proposal is for, when calls open and close, and the limit per speaker. */
class EventsAndCapTest {
  private static final String GZ = "gz-2027-10-docker";
  private static final String SZ = "sz-2027-11-k8s";
  private static final String BJ = "bj-2027-09-go";
  private static final String GZ_DEADLINE = "2027年10月30日（周六） 23:59 (Asia/Shanghai, UTC+8)";
  private static final String SZ_DEADLINE = "2027年11月20日（周六） 23:59 (Asia/Shanghai, UTC+8)";
  private static final String BJ_DEADLINE = "2027年9月15日（周三） 23:59 (Asia/Shanghai, UTC+8)";
  private static final String TITLE_QUESTION = "(1/2) 你的演讲主题是？";

  /** Submits a two-field proposal titled {@code title} to the only open event. */
  private static String submit(EngineHarness h, String title) {
    h.send("/start");
    String id = h.state.submissionId();
    h.send(title);
    h.send("/skip");
    h.send("/confirm");
    return id;
  }

  @Test
  void start_withTwoOpenEvents_asksWhichOne() {
    EngineHarness h = EngineHarness.of(config(3, SHORT_FORM, GUANGZHOU, SHENZHEN, BEIJING_CLOSED));

    TurnResult r = h.send("/start");

    String list = "1. 广州 · Docker 沙龙 — " + GZ_DEADLINE + "\n2. 深圳 · Kubernetes 沙龙 — " + SZ_DEADLINE;
    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("choose_event", "list", list),
                List.of(
                    new Choice("广州 · Docker 沙龙", "/start " + GZ),
                    new Choice("深圳 · Kubernetes 沙龙", "/start " + SZ)),
                false));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.CHOOSE_EVENT, null, null));
  }

  @Test
  void chooseEvent_answerTwo_beginsADraftForTheSecond() {
    EngineHarness h = EngineHarness.of(config(3, SHORT_FORM, GUANGZHOU, SHENZHEN));
    h.send("/start");

    TurnResult r = h.send("2");

    String id = h.lastInput.newId();
    assertThat(r.effects()).containsExactly(new Effect.CreateDraft(id, SZ));
    // The call and the first question: one message.
    assertThat(r.replies()).hasSize(1);
    assertThat(r.replies().get(0).text())
        .startsWith("📣 深圳 · Kubernetes 沙龙\n")
        .endsWith("\n\n" + TITLE_QUESTION);
    assertThat(r.state()).isEqualTo(ConversationState.ask(SZ, id, "title", false));
  }

  @Test
  void chooseEvent_unknownAnswer_saysSo_andAsksAgain() {
    EngineHarness h = EngineHarness.of(config(3, SHORT_FORM, GUANGZHOU, SHENZHEN));
    h.send("/start");

    TurnResult r = h.send("3");

    assertThat(r.replies().get(0)).isEqualTo(Reply.text(h.t("choose_event.invalid")));
    assertThat(r.replies().get(1).text()).startsWith("现在有多个活动在征集讲者");
    assertThat(r.effects()).isEmpty();
    assertThat(r.state().step()).isEqualTo(Step.CHOOSE_EVENT);
  }

  @Test
  void deepLink_skipsTheQuestion() {
    EngineHarness h = EngineHarness.of(config(3, SHORT_FORM, GUANGZHOU, SHENZHEN));

    TurnResult r = h.send("/start@cfp_bot " + SZ);

    assertThat(r.effects()).containsExactly(new Effect.CreateDraft(h.lastInput.newId(), SZ));
    assertThat(r.state().eventId()).isEqualTo(SZ);
  }

  @Test
  void deepLink_toAClosedEvent_saysItClosed() {
    EngineHarness h = EngineHarness.of(config(3, SHORT_FORM, GUANGZHOU, SHENZHEN, BEIJING_CLOSED));

    TurnResult r = h.send("/start " + BJ);

    assertThat(r.replies())
        .containsExactly(
            Reply.text(h.t("closed.event", "title", "北京 · Go 沙龙", "deadline", BJ_DEADLINE)));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void callNotOpenYet_isNotOffered_untilItOpens() {
    EngineHarness h = EngineHarness.of(config(3, SHORT_FORM, SHANGHAI_LATER));

    assertThat(h.send("/start").replies())
        .containsExactly(
            Reply.text(
                h.t("closed.none_open")
                    + "\n「上海 · Rust 沙龙」将于 2027年10月15日（周五） 08:00 (Asia/Shanghai, UTC+8) 开始征集讲者，"
                    + "截止时间是 2027年11月30日（周二） 23:59 (Asia/Shanghai, UTC+8)。"));
    assertThat(h.last.effects()).isEmpty();

    h.now = Instant.parse("2027-10-15T00:00:00Z");
    assertThat(h.send("/start").effects())
        .containsExactly(new Effect.CreateDraft(h.lastInput.newId(), "sh-2027-12-rust"));
  }

  @Test
  void cap_secondStartAfterSubmitting_withMaxOne_isRefused() {
    EngineHarness h = EngineHarness.of(config(1, SHORT_FORM, GUANGZHOU));
    submit(h, "Docker 入门");

    TurnResult r = h.send("/start");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(h.t("cap.reached", "title", "广州 · Docker 沙龙", "count", 1, "max", 1)));
    assertThat(r.replies().get(0).text()).startsWith("你已经为「广州 · Docker 沙龙」提交了 1 个议题，每人最多 1 个。");
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void cap_withdrawnProposal_doesNotCount() {
    EngineHarness h = EngineHarness.of(config(1, SHORT_FORM, GUANGZHOU));
    submit(h, "Docker 入门");
    h.send("/withdraw");
    h.send("/confirm");

    TurnResult r = h.send("/start");

    assertThat(r.effects()).containsExactly(new Effect.CreateDraft(h.lastInput.newId(), GZ));
  }

  @Test
  void cap_countsPerEvent() {
    EngineHarness h = EngineHarness.of(config(1, SHORT_FORM, GUANGZHOU, SHENZHEN));
    h.send("/start " + GZ);
    h.send("Docker 入门");
    h.send("/skip");
    h.send("/confirm");

    assertThat(h.send("/start " + SZ).effects())
        .containsExactly(new Effect.CreateDraft(h.lastInput.newId(), SZ));
  }

  @Test
  void codes_areNumberedPerEvent_withTheEventsPrefix() {
    EngineHarness h = EngineHarness.of(config(3, SHORT_FORM, GUANGZHOU, SHENZHEN));
    h.send("/start " + GZ);
    h.send("A");
    h.send("/skip");
    h.send("/confirm");
    h.send("/start " + SZ);
    String id = h.state.submissionId();
    h.send("B");
    h.send("/skip");

    assertThat(h.send("/confirm").effects()).containsExactly(new Effect.Submit(id, 1, "SZ-01"));
  }
}
