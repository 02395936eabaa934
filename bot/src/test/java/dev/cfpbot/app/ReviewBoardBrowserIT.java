package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.testing.TestBot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The review board in a real browser (headless Chromium) against the real application, its Telegram
 * channel on the fake Bot API: two organizers review on a phone-sized screen and decide with the
 * safety net; bad links are refused.
 */
class ReviewBoardBrowserIT {
  static final long ALICE = 1001;
  static final long BOB = 1002;
  static final long LI = 777;
  static final long WANG = 778;
  static final String ACCEPTED = "🎉 恭喜！你的投稿 GZ-01";

  @TempDir Path dataDir;
  final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  TelegramHarness h;

  @BeforeEach
  void start() {
    h = Boards.harness(dataDir, clock, "TELEGRAM_ORGANIZERS", LI + "," + WANG);
    Pdfs.submitWithSlides(h, ALICE, "从零到生产：Docker 迁移之路");
    h.submit(BOB, "Kubernetes 上的有状态服务");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void twoOrganizers_reviewOnAPhone_andTheSafetyNetHolds() throws Exception {
    String li = Boards.link(h, LI);
    try (Browser phone = new Browser(375, 812)) {
      var d = phone.driver;
      d.get(li);
      assertThat(d.findElement(By.id("count")).getText()).isEqualTo("显示 2 / 2 个投稿");
      phone.screenshot("review-list-375");

      d.findElement(By.name("q")).sendKeys("迁移之路");
      phone.toNextPage(() -> d.findElement(By.cssSelector("form.filters button")).click());
      await().until(() -> d.findElement(By.id("count")).getText().equals("显示 1 / 2 个投稿"));
      phone.toNextPage( // the choice submits itself
          () -> new Select(d.findElement(By.name("state"))).selectByValue("ACCEPTED"));
      await().until(() -> d.findElement(By.id("count")).getText().equals("显示 0 / 2 个投稿"));
      phone.toNextPage(
          () -> new Select(d.findElement(By.name("state"))).selectByValue("UNDECIDED"));
      await().until(() -> d.findElement(By.id("count")).getText().equals("显示 1 / 2 个投稿"));

      phone.toNextPage(() -> d.findElement(By.cssSelector("ul.list a")).click());
      assertThat(d.findElement(By.id("title")).getText()).isEqualTo("GZ-01 从零到生产：Docker 迁移之路");

      String proposal = d.getCurrentUrl();
      d.findElement(By.id("view-pdf")).click();
      await().until(() -> d.getCurrentUrl().endsWith("/file/slides?inline=1"));
      assertThat(d.executeScript("return document.contentType")).isEqualTo("application/pdf");
      d.get(proposal);

      score(phone, "2", "讲得很实在，适合本期主题");
      assertThat(d.findElement(By.id("flash")).getText()).isEqualTo("✅ 评分已保存。");
      assertThat(d.findElement(By.id("reviews")).getText())
          .contains("User777")
          .contains("+2 强烈推荐")
          .contains("讲得很实在，适合本期主题");

      phone.toNextPage(() -> d.findElement(By.id("decide-ACCEPTED")).click());
      assertThat(d.findElement(By.id("flash")).getText()).isEqualTo("✅ 决定已记录。");
      assertThat(d.findElement(By.id("held")).getText())
          .isEqualTo("⏳ 将于 10-20 12:10 通知讲者，在此之前可以更改或撤销");
      phone.screenshot("review-proposal-375");
    }

    String wang = Boards.link(h, WANG);
    try (Browser desk = new Browser(1280, 900)) {
      var d = desk.driver;
      d.get(wang + "/p/GZ-01");
      assertThat(d.findElement(By.id("hidden")).getText()).isEqualTo("另外 1 位组织者的评分在你评分后显示。");
      assertThat(d.findElement(By.id("reviews")).getText()).doesNotContain("讲得很实在");

      score(desk, "0", null);
      assertThat(d.findElement(By.id("reviews")).getText())
          .contains("User777")
          .contains("讲得很实在，适合本期主题")
          .contains("User778")
          .contains("0 中立");
      desk.screenshot("review-proposal-1280");

      // Undone within the delay: the speaker never hears of it.
      desk.toNextPage(() -> d.findElement(By.id("undo")).click());
      assertThat(d.findElement(By.id("flash")).getText()).isEqualTo("↩️ 决定已撤销，讲者不会收到通知。");
      clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofMinutes(11)));
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> acceptances() == 0);

      // Decided again, and left alone past the delay: it arrives, once.
      desk.toNextPage(() -> d.findElement(By.id("decide-ACCEPTED")).click());
      assertThat(d.findElement(By.id("held")).getText())
          .isEqualTo("⏳ 将于 10-20 12:21 通知讲者，在此之前可以更改或撤销");
      clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofMinutes(22)));
      await().atMost(Duration.ofSeconds(10)).until(() -> acceptances() == 1);
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> acceptances() == 1);

      d.get(wang);
      assertThat(d.findElement(By.cssSelector("ul.list")).getText())
          .contains("GZ-01从零到生产：Docker 迁移之路")
          .contains("平均 +1（2 人）");
      desk.screenshot("review-list-1280");
    }
  }

  @Test
  void revokedOrForgedLinks_get403() throws Exception {
    String li = Boards.link(h, LI);
    assertThat(status(li)).isEqualTo(200);

    h.say(LI, "/review revoke", 1);

    assertThat(status(li)).isEqualTo(403);
    String fresh = Boards.link(h, LI);
    assertThat(status(fresh)).isEqualTo(200);
    String forged = fresh.substring(0, fresh.length() - 2) + (fresh.endsWith("A") ? "BB" : "AA");
    assertThat(status(forged)).isEqualTo(403);
    assertThat(status(Boards.local(h, "https://cfp.example.org/review/not-a-token")))
        .isEqualTo(403);
  }

  private void score(Browser browser, String value, String comment) {
    var d = browser.driver;
    d.findElement(By.cssSelector("input[name=score][value='" + value + "']")).click();
    WebElement text = d.findElement(By.name("comment"));
    if (comment != null) {
      text.sendKeys(comment);
    }
    browser.toNextPage(() -> d.findElement(By.id("save-score")).click());
  }

  private long acceptances() {
    return h.telegram.textsTo(ALICE).stream().filter(t -> t.startsWith(ACCEPTED)).count();
  }

  private static int status(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
