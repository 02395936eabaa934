package dev.cfpbot.app;

import static dev.cfpbot.app.TelegramHarness.ORGANIZERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.storage.Tx;
import dev.cfpbot.testing.TestBot;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review board over HTTP: who may use it, what every page sends, and its forms. */
class ReviewPagesTest {
  static final long ALICE = 1001;
  static final long BOB = 1002;
  static final long LI = 777;
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir Path dataDir;
  final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  final HttpClient http = HttpClient.newHttpClient();
  TelegramHarness h;
  String board;

  @BeforeEach
  void start() {
    h = Boards.harness(dataDir, clock, "TELEGRAM_ORGANIZERS", LI + ",778");
    h.submit(ALICE, "从零到生产");
    h.submit(BOB, "Kubernetes 上的有状态服务");
    board = Boards.link(h, LI);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void everyPage_isPrivate_notCached_notFramed_andLoadsNothingFromElsewhere() throws Exception {
    HttpResponse<String> page = get(board + "/p/GZ-01");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .startsWith("default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-")
        .endsWith("'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void formWithoutTheCsrfToken_orFromAnotherSite_isRefused_andChangesNothing() throws Exception {
    String csrf = csrf(board + "/p/GZ-01");

    assertThat(post(board + "/p/GZ-01/score", "score=2", null).statusCode()).isEqualTo(403);
    assertThat(post(board + "/p/GZ-01/score", "score=2&csrf=forged", null).statusCode())
        .isEqualTo(403);
    assertThat(post(board + "/p/GZ-01/score", "score=2&csrf=" + csrf, "cross-site").statusCode())
        .isEqualTo(403);
    assertThat(reviews()).isZero();

    HttpResponse<String> done = post(board + "/p/GZ-01/score", "score=2&csrf=" + csrf, null);
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location")).contains("../GZ-01?done=scored");
    assertThat(reviews()).isEqualTo(1);
  }

  @Test
  void expiredLink_orAnOrganizerNoLongerConfigured_gets403() throws Exception {
    String wang = Boards.link(h, 778);
    clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofDays(14)));
    assertThat(get(board).statusCode()).isEqualTo(403);
    assertThat(get(board).body()).contains("这个评审链接无效、已过期或已被作废。");
    clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofDays(13)));
    assertThat(get(wang).statusCode()).isEqualTo(200);

    h.stop();
    h.env.put("TELEGRAM_ORGANIZERS", Long.toString(LI));
    h.start();
    assertThat(get(Boards.local(h, wang)).statusCode()).isEqualTo(403);
  }

  @Test
  void slides_pdfOpensInTheBrowser_otherwiseDownloads_eachWithAPolicyOfItsOwn() throws Exception {
    Pdfs.submitWithSlides(h, 1003, "带演讲稿的投稿");

    HttpResponse<String> inline = get(board + "/p/GZ-03/file/slides?inline=1");
    assertThat(inline.statusCode()).isEqualTo(200);
    assertThat(inline.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(inline.headers().firstValue("Content-Disposition"))
        .contains("inline; filename=\"slides.pdf\"");
    assertThat(inline.headers().firstValue("Content-Security-Policy"))
        .contains("default-src 'none'; frame-ancestors 'none'");
    assertThat(inline.body()).startsWith("%PDF-1.4");
    assertThat(get(board + "/p/GZ-03/file/slides").headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"slides.pdf\"");
    assertThat(get(board + "/p/GZ-03/file/bio").statusCode()).isEqualTo(404);
    assertThat(get(board + "/p/GZ-77").statusCode()).isEqualTo(404);
  }

  @Test
  void bulkDecision_showsTheCountFirst_thenDecidesAll_withOneAlert() throws Exception {
    String csrf = csrf(board);
    int alerts = h.telegram.sentTo(ORGANIZERS).size();

    HttpResponse<String> preview =
        post(
            board + "/bulk?state=UNDECIDED&q=",
            form("csrf", csrf, "decision", "REJECTED", "note", "谢谢参与"),
            null);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("要把这 2 个投稿设为「未入选」吗？")
        .contains("<p id=\"bulk-codes\">GZ-01, GZ-02</p>");
    assertThat(h.telegram.sentTo(ORGANIZERS)).hasSize(alerts);

    HttpResponse<String> done =
        post(
            board + "/bulk/confirm",
            form("csrf", csrf, "decision", "REJECTED", "codes", "GZ-01,GZ-02", "note", "谢谢参与"),
            null);
    assertThat(done.body()).contains("✅ 已把 2 个投稿设为「未入选」。");
    assertThat(h.awaitSent(ORGANIZERS, alerts + 1).get(alerts).text())
        .startsWith("🗳 2 个投稿 → 未入选（telegram:777，评审板批量操作）谢谢参与\nGZ-01、GZ-02\n⏳ 将于 12:10 通知讲者");

    clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofMinutes(10)));
    await().until(() -> rejections(ALICE) == 1 && rejections(BOB) == 1);
  }

  @Test
  void changingAToldDecision_onTheBoard_takesTheTick_andSendsACorrection() throws Exception {
    String csrf = csrf(board + "/p/GZ-01");
    post(board + "/p/GZ-01/decide", form("csrf", csrf, "decision", "ACCEPTED"), null);
    clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofMinutes(10)));
    await().until(() -> h.telegram.textsTo(ALICE).stream().anyMatch(t -> t.startsWith("🎉")));

    HttpResponse<String> asked =
        post(board + "/p/GZ-01/decide", form("csrf", csrf, "decision", "REJECTED"), null);
    assertThat(asked.headers().firstValue("Location")).contains("../GZ-01?done=needs_confirmation");
    assertThat(get(board + "/p/GZ-01").body()).contains("讲者已经收到「已接受」的通知：确认更改，并给讲者发送更正");

    HttpResponse<String> changed =
        post(
            board + "/p/GZ-01/decide",
            form("csrf", csrf, "decision", "REJECTED", "confirm", "yes"),
            null);
    assertThat(changed.headers().firstValue("Location")).contains("../GZ-01?done=recorded");
    clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofMinutes(20)));
    await().until(() -> h.telegram.textsTo(ALICE).stream().anyMatch(t -> t.startsWith("⚠️ 更正")));
    assertThat(get(board + "/p/GZ-01").body())
        .contains("「已接受」的通知已于 10-20 12:10 发给讲者")
        .contains("「未入选」的更正已于 10-20 12:20 发给讲者");
  }

  private long rejections(long chat) {
    return h.telegram.textsTo(chat).stream().filter(t -> t.startsWith("感谢你为")).count();
  }

  private long reviews() {
    return h.storage()
        .database()
        .inTransaction(
            "count", (Tx tx) -> tx.count("count reviews", "select count(*) from reviews"));
  }

  private String csrf(String page) throws Exception {
    Matcher m = CSRF.matcher(get(page).body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String body, String fetchSite) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (fetchSite != null) {
      request.header("Sec-Fetch-Site", fetchSite);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(String... pairs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.append(b.length() == 0 ? "" : "&")
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }
}
