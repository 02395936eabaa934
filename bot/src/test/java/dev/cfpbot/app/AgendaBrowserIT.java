package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.SentMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * From proposal to published agenda on Telegram (the fake Bot API) with the real application: the
 * speakers confirm with the acceptance's button or in words, one declines, the agenda is published
 * (pinned) and each speaker gets their slot as a calendar file; the public page is then checked in
 * headless Chromium on a phone and on a desktop.
 */
class AgendaBrowserIT {
  static final long ALICE = 1001;
  static final long BOB = 1002;
  static final long CAROL = 1003;
  static final long LI = 777;
  static final Path DOCS = Path.of("..", "docs", "screenshots");

  @TempDir Path dataDir;
  final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  TelegramHarness h;

  @BeforeEach
  void start() {
    h = Boards.harness(dataDir, clock, "TELEGRAM_PIN_ANNOUNCEMENTS", "on");
    h.submit(ALICE, "从零到生产：Docker 迁移之路");
    h.submit(BOB, "<b>镜像安全</b> & 供应链");
    h.submit(CAROL, "Kubernetes 上的有状态服务");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private void organizer(String text) {
    h.telegram.sendText(LI, text);
  }

  @Test
  void submittedToConfirmedToPublished_onTelegram_andThePublicPage() throws Exception {
    organizer("/score GZ-02 +2");
    for (String code : List.of("GZ-01", "GZ-02", "GZ-03")) {
      organizer("/accept " + code);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> acceptances() == 0);
    clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofMinutes(11)));
    await().atMost(Duration.ofSeconds(20)).until(() -> acceptances() == 3);

    int alice = h.telegram.textsTo(ALICE).size();
    h.pressButton(ALICE, "/attend GZ-01");
    assertThat(h.awaitTexts(ALICE, alice + 1).get(alice)).startsWith("🙌 谢谢！已确认你会在");
    h.say(BOB, "确认参加", 1);
    h.say(CAROL, "确认参加", 1);
    h.say(CAROL, "无法参加", 1);
    h.say(CAROL, "家里有事", 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                h.telegram.textsTo(Long.parseLong(TelegramHarness.ORGANIZERS)).stream()
                    .anyMatch(t -> t.startsWith("🚫 GZ-03") && t.contains("原因：家里有事")));

    organizer("/agenda publish");
    SentMessage post = h.awaitSent(TelegramHarness.CHANNEL, 1).get(0);
    assertThat(post.text())
        .contains("13:40 《&lt;b&gt;镜像安全&lt;/b&gt; &amp; 供应链》 — 张三")
        .contains("14:20 《从零到生产：Docker 迁移之路》 — 张三")
        .contains("15:00 （待定）")
        .doesNotContain("Kubernetes");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.telegram.lastCall("pinchatmessage") != null);
    assertThat(h.telegram.lastCall("pinchatmessage").path("message_id").asInt())
        .isEqualTo(post.messageId());

    SentMessage ics =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    h.telegram.sentTo(Long.toString(BOB)).stream()
                        .filter(m -> m.document() != null)
                        .findFirst()
                        .orElse(null),
                m -> m != null);
    String calendar =
        new String(h.telegram.uploadedDocument(ics.messageId()), StandardCharsets.UTF_8);
    VEvent event =
        new CalendarBuilder()
            .build(new StringReader(calendar))
            .<VEvent>getComponent("VEVENT")
            .orElseThrow();
    assertThat(
            event
                .getDateTimeStart()
                .orElseThrow()
                .getParameter(Parameter.TZID)
                .orElseThrow()
                .getValue())
        .isEqualTo("Asia/Shanghai");
    assertThat(ZonedDateTime.from(event.getDateTimeStart().orElseThrow().getDate()).toInstant())
        .isEqualTo(Instant.parse("2027-10-31T05:40:00Z"));

    String page = Boards.local(h, Boards.PUBLIC_URL + "/agenda/gz-2027-10-docker");
    try (Browser phone = new Browser(375, 812)) {
      var d = phone.driver;
      d.get(page);
      assertThat(d.findElement(By.id("title")).getText()).isEqualTo("Techparty 广州 · Docker 技术沙龙");
      assertThat(d.findElements(By.cssSelector("ol.agenda h2")))
          .extracting(e -> e.getText())
          .containsExactly("<b>镜像安全</b> & 供应链", "从零到生产：Docker 迁移之路");
      assertThat(d.findElement(By.cssSelector("ol.agenda")).getText())
          .doesNotContain("138")
          .doesNotContain("zhangsan_docker")
          .doesNotContain("运维工程师");
      Number width = (Number) d.executeScript("return document.documentElement.scrollWidth");
      assertThat(width.intValue()).isLessThanOrEqualTo(375);
      Files.createDirectories(DOCS);
      Files.copy(
          phone.screenshot("agenda-375"),
          DOCS.resolve("agenda-phone.png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    try (Browser desk = new Browser(1280, 900)) {
      var d = desk.driver;
      d.get(page);
      assertThat(d.findElements(By.cssSelector("ol.agenda li"))).hasSize(8);
      Files.copy(
          desk.screenshot("agenda-1280"),
          DOCS.resolve("agenda-desktop.png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private long acceptances() {
    return List.of(ALICE, BOB, CAROL).stream()
        .flatMap(c -> h.telegram.textsTo(c).stream())
        .filter(t -> t.startsWith("🎉 恭喜"))
        .count();
  }
}
