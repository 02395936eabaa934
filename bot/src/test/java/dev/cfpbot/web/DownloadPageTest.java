package dev.cfpbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.config.HttpSettings;
import dev.cfpbot.links.DownloadLinks;
import dev.cfpbot.links.SignedToken;
import dev.cfpbot.testing.TestBot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /download/{token}: exports only, for a genuine and current token. */
class DownloadPageTest {
  private static final String PUBLIC = "https://cfp.example.org";
  private static final byte[] KEY =
      "a test secret of enough length".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDir;
  private final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  private final DownloadLinks links = new DownloadLinks(PUBLIC, KEY, clock, Duration.ofHours(24));
  private WebServer web;

  @BeforeEach
  void start() throws Exception {
    Files.createDirectories(dataDir.resolve("exports"));
    Files.writeString(
        dataDir.resolve("exports/cfp-20271020-040000.csv"), "id,state\r\nGZ-01,x\r\n");
    Files.createDirectories(dataDir.resolve("files/ab"));
    Files.writeString(dataDir.resolve("files/ab/slides.pdf"), "%PDF-private");
    web =
        WebServer.start(
            new HttpSettings("127.0.0.1", 0, PUBLIC, true),
            List.of(new DownloadPage(links, dataDir)),
            () -> new HealthReport(true, "up", Map.of(), 0, 0));
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private HttpResponse<String> get(String link) throws Exception {
    URI local = URI.create(link.replace(PUBLIC, "http://127.0.0.1:" + web.port()));
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void export_isServedAsAnAttachment() throws Exception {
    HttpResponse<String> r = get(links.link("exports/cfp-20271020-040000.csv"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("id,state\r\nGZ-01,x\r\n");
    assertThat(r.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"cfp-20271020-040000.csv\"");
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void download_andItsErrorPage_mayNotBeFramed() throws Exception {
    HttpResponse<String> file = get(links.link("exports/cfp-20271020-040000.csv"));
    HttpResponse<String> missing = get(links.link("exports/missing.csv"));

    assertThat(file.headers().firstValue("Content-Security-Policy"))
        .contains("default-src 'none'; frame-ancestors 'none'; sandbox");
    assertThat(file.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(missing.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'");
  }

  @Test
  void fileOutsideTheExports_isNotServedEvenWithAGenuineToken() throws Exception {
    assertThat(get(links.link("files/ab/slides.pdf")).statusCode()).isEqualTo(404);
    assertThat(get(links.link("exports/../files/ab/slides.pdf")).statusCode()).isEqualTo(404);
    assertThat(get(links.link("exports/missing.csv")).statusCode()).isEqualTo(404);
  }

  @Test
  void uploadToken_isNoDownloadToken() throws Exception {
    // Signed with the same key and shaped like a download token, but made for the upload page.
    String expires = Long.toString(clock.instant().plusSeconds(60).getEpochSecond());
    String token = new SignedToken(KEY).make("upload", "exports/cfp-20271020-040000.csv", expires);

    assertThat(get(PUBLIC + "/download/" + token).statusCode()).isEqualTo(404);
  }

  @Test
  void expiredLink_isRefused() throws Exception {
    String link = links.link("exports/cfp-20271020-040000.csv");
    clock.set(clock.instant().plus(Duration.ofHours(24)));

    assertThat(get(link).statusCode()).isEqualTo(404);
  }

  @Test
  void uploadFileName_losesDirectoriesAndControlCharacters() {
    assertThat(UploadPage.fileName("C:\\Users\\张三\\幻灯片.pdf")).isEqualTo("幻灯片.pdf");
    assertThat(UploadPage.fileName("../../etc/passwd\u0000.pdf")).isEqualTo("passwd.pdf");
    assertThat(UploadPage.fileName("  ")).isEqualTo("slides");
    assertThat(UploadPage.fileName("长".repeat(200) + ".pptx")).isEqualTo("长".repeat(100) + ".pptx");
  }
}
