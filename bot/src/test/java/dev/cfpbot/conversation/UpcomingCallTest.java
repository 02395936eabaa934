package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.TestConfigs.SHANGHAI_LATER;
import static dev.cfpbot.conversation.TestConfigs.SHORT_FORM;
import static dev.cfpbot.conversation.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.i18n.Lang;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A call that opens later says when it opens (in the event's zone) instead of looking closed. */
class UpcomingCallTest {
  private static final String SH = "sh-2027-12-rust";
  private static final String OPENS = "2027年10月15日（周五） 08:00 (Asia/Shanghai, UTC+8)";
  private static final String DEADLINE = "2027年11月30日（周二） 23:59 (Asia/Shanghai, UTC+8)";
  private static final String OPENS_EN = "Fri 15 Oct 2027, 08:00 (Asia/Shanghai, UTC+8)";
  private static final String DEADLINE_EN = "Tue 30 Nov 2027, 23:59 (Asia/Shanghai, UTC+8)";

  private final EngineHarness h = EngineHarness.of(config(3, SHORT_FORM, SHANGHAI_LATER));

  private String summary(Lang lang) {
    return new Templates(h.messages).event(h.config.event(SH).orElseThrow(), lang);
  }

  @Test
  void start_beforeTheCallOpens_saysWhenItOpens() {
    TurnResult r = h.send("投稿");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                "目前没有正在征集讲者的活动。\n「上海 · Rust 沙龙」将于 " + OPENS + " 开始征集讲者，截止时间是 " + DEADLINE + "。"));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void start_beforeTheCallOpens_inEnglish_saysWhenItOpens() {
    h.send("/lang en");

    TurnResult r = h.send("submit");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                "No event is looking for speakers right now.\nThe call for talks for 上海 · Rust 沙龙"
                    + " opens on "
                    + OPENS_EN
                    + "; the deadline is "
                    + DEADLINE_EN
                    + "."));
  }

  @Test
  void theAnnouncementsButton_beforeTheCallOpens_answersWithTheOpeningTime_andWorksOnceOpen() {
    TurnResult r = h.send("/start " + SH);

    assertThat(r.replies())
        .containsExactly(
            Reply.text("「上海 · Rust 沙龙」将于 " + OPENS + " 开始征集讲者，截止时间是 " + DEADLINE + "。"));
    assertThat(r.effects()).isEmpty();

    h.now = Instant.parse("2027-10-15T00:00:00Z");
    assertThat(h.send("/start " + SH).effects())
        .containsExactly(new Effect.CreateDraft(h.lastInput.newId(), SH));
  }

  @Test
  void about_beforeTheCallOpens_showsTheCallAndWhenItOpens() {
    TurnResult r = h.send("活动信息");

    assertThat(r.replies())
        .containsExactly(Reply.text(summary(Lang.ZH) + "\n\n⏳ 投稿将于 " + OPENS + " 开始接受。"));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void about_beforeTheCallOpens_inEnglish_showsTheCallAndWhenItOpens() {
    h.send("/lang en");

    TurnResult r = h.send("about");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(summary(Lang.EN) + "\n\n⏳ Submissions open on " + OPENS_EN + "."));
  }
}
