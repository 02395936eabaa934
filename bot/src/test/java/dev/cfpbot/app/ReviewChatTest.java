package dev.cfpbot.app;

import static dev.cfpbot.app.TelegramHarness.ORGANIZERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviewing from the chat: /score, the alert's score buttons, and /review's personal link. */
class ReviewChatTest {
  static final long ALICE = 1001;
  static final long LI = 777;
  static final long GROUP = Long.parseLong(ORGANIZERS);

  @TempDir Path dataDir;
  final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  TelegramHarness h;

  private void start(Map<String, String> env) {
    h = new TelegramHarness(dataDir, clock, env).start();
    h.submit(ALICE, "从零到生产");
    h.awaitSent(ORGANIZERS, 1);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void scoreButtonInTheGroup_isSaved_andTheGroupHearsWhoScoredButNotTheScore() {
    start(Map.of());

    h.telegram.press(GROUP, LI, "/score GZ-01 +2");

    assertThat(h.awaitSent(ORGANIZERS, 2).get(1).text())
        .isEqualTo("✅ 已记录 User777 对 GZ-01 的评分（共 1 位组织者评分）。");
    assertThat(h.say(LI, "/score GZ-01 +1 换个角度看也不错", 1))
        .containsExactly("✅ 你给 GZ-01 的评分：+1 不错。共 1 位组织者评分，平均 +1。");
  }

  @Test
  void scoreOffTheScale_orWithoutEnough_saysWhatIsExpected() {
    start(Map.of());

    assertThat(h.say(LI, "/score GZ-01 5", 1))
        .containsExactly("分数要在评分标准之内：−1 不合适 · 0 中立 · +1 不错 · +2 强烈推荐");
    assertThat(h.say(LI, "/score GZ-01", 1))
        .containsExactly("用法：/score 编号 分数 [评语]，例如 /score GZ-07 +1 讲得很实在");
    assertThat(h.say(LI, "/score GZ-09 +1", 1)).containsExactly("没有编号为 GZ-09 的投稿。");
    assertThat(h.say(ALICE, "/score GZ-01 +2", 1)).containsExactly("抱歉，这是组织者专用的指令。");
  }

  @Test
  void review_withoutAPublicUrl_saysWhatToSet() {
    start(Map.of());

    assertThat(h.say(LI, "/review", 1))
        .containsExactly(
            "评审板需要一个公网地址：请设置 CFPBOT_PUBLIC_URL（例如 https://cfp.example.org，指向机器人的 HTTP 服务），然后重启机器人。");
  }

  @Test
  void reviewInTheGroup_sendsThePersonalLinkToTheOrganizersOwnChat_withoutAPreview() {
    start(Map.of("CFPBOT_PUBLIC_URL", "https://cfp.example.org"));

    h.telegram.sendText(GROUP, LI, "/review", "zh-hans");

    assertThat(h.awaitSent(ORGANIZERS, 2).get(1).text())
        .isEqualTo("📋 已把评审板链接私信发给 User777（如果没收到，请先私聊我一次）。");
    String link = h.awaitTexts(LI, 1).get(0);
    assertThat(link)
        .startsWith("📋 你的评审板（14 天内有效，只属于你，请不要转发）：\nhttps://cfp.example.org/review/")
        .endsWith("\n发送 /review revoke 可以作废你的所有评审链接。");
    assertThat(h.telegram.lastCall("sendmessage").path("disable_web_page_preview").asBoolean())
        .isTrue();
    assertThat(h.telegram.sentTo(ORGANIZERS).get(1).text()).doesNotContain("/review/");
  }
}
