package dev.cfpbot.app;

import static dev.cfpbot.app.TelegramHarness.CHANNEL;
import static dev.cfpbot.app.TelegramHarness.ORGANIZER;
import static dev.cfpbot.app.TelegramHarness.ORGANIZERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.SentMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Organizers on Telegram: alerts, decisions, announcements, exports, and who may do them. */
class TelegramOrganizerTest {
  static final long ALICE = 1001;
  static final long ORGANIZER_ID = Long.parseLong(ORGANIZER);
  static final long GROUP = Long.parseLong(ORGANIZERS);

  @TempDir Path dataDir;
  final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  TelegramHarness h;

  @BeforeEach
  void start() {
    h = new TelegramHarness(dataDir, clock, Map.of("TELEGRAM_PIN_ANNOUNCEMENTS", "true")).start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void acceptButton_inTheOrganizerGroup_tellsTheSpeakerInTheirLanguage() {
    h.submit(ALICE, "从零到生产");
    h.awaitSent(ORGANIZERS, 1);

    h.telegram.press(GROUP, ORGANIZER_ID, "/accept GZ-01");

    List<SentMessage> group = h.awaitSent(ORGANIZERS, 2);
    assertThat(group.get(1).text())
        .isEqualTo(
            "🗳 GZ-01 《从零到生产》 → 已接受（telegram:777）\n"
                + "⏳ 将于 12:10 通知讲者；在此之前任何组织者都可以更改，或发送 /undo GZ-01 撤销。");
    assertThat(TelegramHarness.commands(group.get(1))).containsExactly("/undo GZ-01");
    assertThat(h.telegram.textsTo(ALICE)).hasSize(9);

    clock.set(TestBot.BEFORE_DEADLINE.plus(java.time.Duration.ofMinutes(10)));
    assertThat(h.awaitTexts(ALICE, 10).get(9))
        .startsWith("🎉 恭喜！你的投稿 GZ-01 《从零到生产》已被「Techparty 广州 · Docker 技术沙龙」接受");
  }

  @Test
  void organizerCommand_fromSomeoneElse_isRefusedPolitely() {
    h.submit(ALICE, "从零到生产");

    assertThat(h.say(999, "/digest", 1)).containsExactly("抱歉，这是组织者专用的指令。");
    h.telegram.press(GROUP, 999, "/reject GZ-01");
    assertThat(h.awaitSent(ORGANIZERS, 2).get(1).text()).isEqualTo("抱歉，这是组织者专用的指令。");
    assertThat(h.say(ALICE, "/status", 1).get(0)).contains("GZ-01 《从零到生产》 — 已提交，等待评选");
  }

  @Test
  void announce_showsAPreviewThenPostsToTheChannelWithALinkButtonAndPinsIt() {
    List<String> preview = h.say(ORGANIZER_ID, "/announce", 2);

    assertThat(preview.get(0))
        .startsWith("📣 Techparty 广州 · Docker 技术沙龙")
        .contains("👉 想来分享？给我们的机器人发送「投稿」");
    assertThat(preview.get(1))
        .isEqualTo("以上是公告的预览，社区看到的就是这样。确认发布请发送 /announce confirm gz-2027-10-docker。");
    assertThat(h.telegram.sentTo(CHANNEL)).isEmpty();

    assertThat(h.say(ORGANIZER_ID, "/announce confirm gz-2027-10-docker", 1))
        .containsExactly("✅ 已发布到：telegram");
    SentMessage post = h.awaitSent(CHANNEL, 1).get(0);
    assertThat(post.text()).isEqualTo(preview.get(0));
    assertThat(post.buttons()).containsExactly("https://t.me/cfp_test_bot?start=gz-2027-10-docker");
    assertThat(h.telegram.lastCall("pinchatmessage").path("message_id").asInt())
        .isEqualTo(post.messageId());

    h.say(ORGANIZER_ID, "/announce update 地点已确定：广州天河区某某大厦 3 楼", 1);
    assertThat(h.awaitSent(CHANNEL, 2).get(1).text()).isEqualTo("地点已确定：广州天河区某某大厦 3 楼");
  }

  @Test
  void export_sendsTheCsvAsADocument() {
    h.submit(ALICE, "从零到生产");

    h.telegram.sendText(ORGANIZER_ID, "/export");

    SentMessage export = h.awaitSent(ORGANIZER, 1).get(0);
    assertThat(export.method()).isEqualTo("senddocument");
    assertThat(export.document()).matches("cfp-\\d{8}-\\d{6}\\.csv");
    assertThat(export.text()).startsWith("已导出 1 个投稿：");
  }

  @Test
  void digestAndSubmissions_inTheGroup_answerThere() {
    h.submit(ALICE, "从零到生产");
    h.awaitSent(ORGANIZERS, 1);

    h.telegram.sendText(GROUP, ORGANIZER_ID, "/digest@cfp_test_bot", "zh-hans");
    assertThat(h.awaitSent(ORGANIZERS, 2).get(1).text())
        .startsWith("📊 投稿汇总 · Techparty 广州 · Docker 技术沙龙")
        .contains("已提交 1 ·");

    h.telegram.sendText(GROUP, ORGANIZER_ID, "/submissions", "zh-hans");
    assertThat(h.awaitSent(ORGANIZERS, 3).get(2).text())
        .isEqualTo("投稿列表（第 1/1 页，共 1 个）：\nGZ-01 《从零到生产》 — 已提交，等待评选");
  }

  @Test
  void startInAGroup_pointsToThePrivateChat_andGroupTalkIsIgnored() {
    h.telegram.sendText(GROUP, 555, "大家好", "zh-hans");
    h.telegram.sendText(GROUP, 555, "/start", "zh-hans");

    assertThat(h.awaitSent(ORGANIZERS, 1))
        .extracting(SentMessage::text)
        .containsExactly("请私聊我来投稿：https://t.me/cfp_test_bot");
  }

  @Test
  void commandMenu_isRegisteredInChineseAndEnglish() {
    h.say(ALICE, "/help", 1);

    assertThat(h.awaitMenu().path("language_code").asText()).isEqualTo("en");
    assertThat(
            h.telegram
                .lastCall("setmycommands")
                .path("commands")
                .get(0)
                .path("description")
                .asText())
        .isEqualTo("Submit a talk");
  }
}
