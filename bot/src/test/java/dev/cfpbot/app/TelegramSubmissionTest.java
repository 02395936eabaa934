package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfpbot.testkit.SentMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speakers on Telegram, through the real application and a fake Bot API. */
class TelegramSubmissionTest {
  static final long ALICE = 1001;
  static final String[] SEED =
      new String[] {
        "张三",
        "运维工程师，负责公司的容器平台。",
        "zhangsan_docker",
        "138 0013 8000",
        "从零到生产",
        "介绍我们把单体应用迁移到 Docker 的过程和踩过的坑。"
      };

  @TempDir Path dataDir;
  TelegramHarness h;

  @BeforeEach
  void start() {
    h =
        new TelegramHarness(
                dataDir,
                Clock.systemUTC(),
                Map.of("CFPBOT_PUBLIC_URL", "https://cfp.example.org", "CFPBOT_HTTP_PORT", "0"))
            .start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** Sends {@code text} and waits for the bot's {@code replies} answers to it. */
  private List<String> say(long chat, String text, int replies) {
    int before = h.telegram.textsTo(chat).size();
    h.telegram.sendText(chat, text);
    return h.awaitTexts(chat, before + replies).subList(before, before + replies);
  }

  private SentMessage last(long chat) {
    List<SentMessage> sent = h.telegram.sentTo(Long.toString(chat));
    return sent.get(sent.size() - 1);
  }

  @Test
  void textOnlySubmission_getsTheReceiptAndTheOrganizersAnAlert() {
    say(ALICE, "/start", 1);
    for (String answer : SEED) {
      say(ALICE, answer, 1);
    }
    say(ALICE, "/skip", 1);
    String receipt = say(ALICE, "确认", 1).get(0);

    assertThat(receipt).startsWith("✅ 投稿成功！编号 GZ-01\n《从零到生产》已提交给组织者");
    await()
        .atMost(TelegramHarness.WAIT)
        .until(() -> h.telegram.sentTo(TelegramHarness.ORGANIZERS).size() == 1);
    SentMessage alert = h.telegram.sentTo(TelegramHarness.ORGANIZERS).get(0);
    assertThat(alert.text()).startsWith("📥 新投稿 GZ-01 · Techparty 广州 · Docker 技术沙龙");
    assertThat(alert.buttons())
        .containsExactly(
            "/accept GZ-01",
            "/shortlist GZ-01",
            "/reject GZ-01",
            "/score GZ-01 -1",
            "/score GZ-01 0",
            "/score GZ-01 +1",
            "/score GZ-01 +2",
            "/review");
    assertThat(alert.parseMode()).isEqualTo("HTML");
  }

  @Test
  void submissionByButtons_skipEditAndConfirmWork() {
    say(ALICE, "/start", 1);
    for (int i = 0; i < 2; i++) {
      say(ALICE, SEED[i], 1);
    }
    assertThat(TelegramHarness.commands(last(ALICE))).containsExactly("/skip");
    h.pressButton(ALICE, "/skip");
    h.awaitTexts(ALICE, 4);
    for (int i = 3; i < SEED.length; i++) {
      say(ALICE, SEED[i], 1);
    }
    h.pressButton(ALICE, "/skip");
    List<String> texts = h.awaitTexts(ALICE, 8);
    assertThat(texts.get(7)).startsWith("请核对你的投稿：");
    assertThat(TelegramHarness.commands(last(ALICE)))
        .containsExactly("/confirm", "/edit", "/cancel");

    h.pressButton(ALICE, "/edit");
    h.awaitTexts(ALICE, 9);
    assertThat(TelegramHarness.commands(last(ALICE)))
        .containsExactly(
            "/edit name",
            "/edit bio",
            "/edit wechat",
            "/edit phone",
            "/edit title",
            "/edit abstract",
            "/edit slides");
    h.pressButton(ALICE, "/edit title");
    h.awaitTexts(ALICE, 10);
    say(ALICE, "Docker 镜像安全", 1);
    h.pressButton(ALICE, "/confirm");

    assertThat(h.awaitTexts(ALICE, 12).get(11)).startsWith("✅ 投稿成功！编号 GZ-01\n《Docker 镜像安全》");
  }

  @Test
  void deepLink_startsThatEventsForm() {
    List<String> replies = say(ALICE, "/start gz-2027-10-docker", 1);

    // The call and the first question: one message.
    assertThat(replies.get(0))
        .startsWith("📣 Techparty 广州 · Docker 技术沙龙")
        .endsWith("\n\n(1/7) 请问怎么称呼你？（姓名）");
  }

  @Test
  void phoneQuestion_offersToShareTheNumber_andASharedContactIsAccepted() {
    say(ALICE, "/start", 1);
    for (int i = 0; i < 3; i++) {
      say(ALICE, SEED[i], 1);
    }
    assertThat(
            last(ALICE)
                .replyMarkup()
                .path("keyboard")
                .get(0)
                .get(0)
                .path("request_contact")
                .asBoolean())
        .isTrue();

    h.telegram.shareContact(ALICE, "+86 138 0013 8000");
    h.awaitTexts(ALICE, 5);

    assertThat(last(ALICE).text()).isEqualTo("(5/7) 你的演讲主题是？");
    assertThat(last(ALICE).replyMarkup().path("remove_keyboard").asBoolean()).isTrue();
  }

  @Test
  void slides_arePdfFetchedAndStoredAndResentToOrganizersByFileId() throws Exception {
    say(ALICE, "/start", 1);
    for (String answer : SEED) {
      say(ALICE, answer, 1);
    }
    byte[] pdf = "%PDF-1.4\n% slides\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    h.telegram.sendDocument(ALICE, "slides.pdf", "application/pdf", pdf);
    assertThat(h.awaitTexts(ALICE, 8).get(7)).contains("演讲稿：slides.pdf (1 KB)");
    say(ALICE, "确认", 1);

    try (var files = Files.walk(dataDir.resolve("files"))) {
      // Named by its hash, and a suffix of its own: deleting one upload never takes another's.
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .matches(sha256(pdf) + "-[0-9a-f]{12}\\.pdf");
    }
    await()
        .atMost(TelegramHarness.WAIT)
        .until(() -> h.telegram.sentTo(TelegramHarness.ORGANIZERS).size() == 2);
    SentMessage file = h.telegram.sentTo(TelegramHarness.ORGANIZERS).get(1);
    assertThat(file.method()).isEqualTo("senddocument");
    assertThat(file.document()).startsWith("file-");
    assertThat(file.text()).isEqualTo("GZ-01 演讲稿：slides.pdf");
  }

  @Test
  void slidesStillDownloading_holdUpOnlyTheirOwnChat() {
    say(ALICE, "/start", 1);
    for (String answer : SEED) {
      say(ALICE, answer, 1);
    }
    Runnable release = h.telegram.holdDownloads();
    byte[] pdf = "%PDF-1.4\n% slides\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    h.telegram.sendDocument(ALICE, "slides.pdf", "application/pdf", pdf);
    await().atMost(TelegramHarness.WAIT).until(() -> h.telegram.downloadsWaiting() == 1);

    // Another speaker is answered while Alice's slides are still on their way.
    long bob = 1002;
    assertThat(say(bob, "/start", 1).get(0)).endsWith("\n\n(1/7) 请问怎么称呼你？（姓名）");
    assertThat(h.telegram.textsTo(ALICE)).hasSize(7);
    assertThat(h.telegram.downloadsWaiting()).isEqualTo(1);

    release.run();
    assertThat(h.awaitTexts(ALICE, 8).get(7)).contains("演讲稿：slides.pdf (1 KB)");
  }

  @Test
  void slides_thatAreNotWhatTheirNameSays_orTooLarge_areRefusedWithAWayOut() {
    say(ALICE, "/start", 1);
    for (String answer : SEED) {
      say(ALICE, answer, 1);
    }
    h.telegram.sendDocument(
        ALICE, "slides.pdf", "application/pdf", new byte[] {'P', 'K', 3, 4, 0, 0});
    assertThat(h.awaitTexts(ALICE, 8).get(7))
        .startsWith("暂不支持这种文件。请发送 PDF, PPT, PPTX, KEY, ODP 格式的演讲稿");

    h.telegram.sendLargeDocument(ALICE, "talk.pdf", 30L * 1024 * 1024);
    String tooLarge = h.awaitTexts(ALICE, 9).get(8);
    assertThat(tooLarge).startsWith("这个文件太大，无法通过聊天接收。");
    assertThat(tooLarge).contains("上传页面 / Upload page: https://cfp.example.org/upload/");
  }

  @Test
  void uploadLink_isSentWithoutALinkPreview_andIsTheSameEachTime() {
    say(ALICE, "/start", 1);
    for (String answer : SEED) {
      say(ALICE, answer, 1);
    }

    h.telegram.sendLargeDocument(ALICE, "talk.pdf", 30L * 1024 * 1024);
    String first = h.awaitTexts(ALICE, 8).get(7);
    JsonNode request = h.telegram.lastCall("sendmessage");
    h.telegram.sendLargeDocument(ALICE, "talk.pdf", 30L * 1024 * 1024);
    String second = h.awaitTexts(ALICE, 9).get(8);

    // Telegram's servers would fetch a page to preview it: not a personal link.
    assertThat(request.path("text").asText()).contains("https://cfp.example.org/upload/");
    assertThat(request.path("disable_web_page_preview").asBoolean()).isTrue();
    assertThat(link(second)).isEqualTo(link(first));
  }

  private static String link(String text) {
    return text.substring(text.indexOf("https://cfp.example.org/upload/"));
  }

  @Test
  void textFromTheSpeaker_isEscapedForHtml() {
    say(ALICE, "/start", 1);
    say(ALICE, "<b>Tom & Jerry</b>", 1);

    say(ALICE, "/back", 1);

    assertThat(last(ALICE).text())
        .isEqualTo("(1/7) 请问怎么称呼你？（姓名）\n当前的回答：&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;");
    assertThat(last(ALICE).parseMode()).isEqualTo("HTML");
  }

  private static String sha256(byte[] content) throws Exception {
    byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(content);
    return java.util.HexFormat.of().formatHex(hash);
  }
}
