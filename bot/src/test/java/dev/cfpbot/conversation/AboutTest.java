package dev.cfpbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.i18n.Lang;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 活动信息 / about: the open call, from any step, without changing the step. */
class AboutTest {
  private static final Choice START = new Choice("我要投稿", "/start");

  private final EngineHarness h = EngineHarness.seed();

  private String summary() {
    return new Templates(h.messages)
        .event(h.config.event(EngineHarness.SEED_EVENT).orElseThrow(), Lang.ZH);
  }

  @Test
  void about_whenIdle_showsTheCallAndHowToTakePart() {
    TurnResult r = h.send("活动信息");

    assertThat(r.replies())
        .containsExactly(new Reply(summary() + "\n\n" + h.t("start.how"), List.of(START), false));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void about_duringTheForm_showsTheCallThenAsksTheSameQuestionAgain() {
    SeedForm.startAndAnswer(h, 2);
    ConversationState before = h.state;

    TurnResult r = h.send("/about");

    assertThat(r.replies()).hasSize(2);
    assertThat(r.replies().get(0)).isEqualTo(Reply.text(summary()));
    assertThat(r.replies().get(1).text()).startsWith("(3/7) 你的微信号是？");
    assertThat(r.state()).isEqualTo(before);
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void about_afterTheDeadline_saysNoCallIsOpen() {
    h.now = Instant.parse("2027-11-01T00:00:00Z");

    TurnResult r = h.send("about");

    assertThat(r.replies()).hasSize(1);
    assertThat(r.replies().get(0).text())
        .startsWith(h.t("closed.none_open") + "\n")
        .contains("Techparty 广州 · Docker 技术沙龙");
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }
}
