package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.domain.FileRef;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testing.Uploads;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Slides from WeChat: the personal upload link in the chat, the page, the confirmation. */
@ExtendWith(StorageExtension.class)
class WechatUploadTest {
  private final TestDatabases databases;

  WechatUploadTest(TestDatabases databases) {
    this.databases = databases;
  }

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Pattern UPLOAD = Pattern.compile("https://cfp\\.example\\.org/upload/\\S+");
  private static final byte[] PDF = Uploads.PDF;

  @TempDir Path dataDir;
  private WechatTestBot t;
  private final Uploads browser = new Uploads();

  @AfterEach
  void stop() {
    t.close();
  }

  /** Answers up to the slides question; returns the upload link from its passive reply. */
  private URI toTheSlidesQuestion(String openid) {
    t.safe.text(openid, "投稿");
    String reply = null;
    for (String answer : WechatCallbackTest.FORM.subList(0, 6)) {
      reply = t.safe.text(openid, answer).reply();
    }
    Matcher link = UPLOAD.matcher(reply);
    assertThat(link.find()).as(reply).isTrue();
    return t.local(link.group());
  }

  private HttpResponse<String> get(URI uri) {
    return browser.get(uri);
  }

  private HttpResponse<String> upload(URI uri, String name, byte[] content) {
    return browser.upload(uri, name, content);
  }

  @Test
  void goodFile_isStoredWithItsHash_andConfirmedInTheChat() throws Exception {
    t = new WechatTestBot(databases, dataDir);
    URI link = toTheSlidesQuestion("o-alice");

    HttpResponse<String> page = get(link);
    HttpResponse<String> posted = upload(link, "我的演讲.pdf", PDF);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(page.body())
        .contains("为《从零到生产：我们的 Docker 迁移之路》上传演讲稿：PDF, PPT, PPTX, KEY, ODP，最大 50 MB。")
        .contains("enctype=\"multipart/form-data\"");
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body()).contains("✅ 已保存为草稿《从零到生产：我们的 Docker 迁移之路》的演讲稿。回到聊天继续。");
    // The only customer-service message: the first question came with the call, inline.
    await().atMost(WAIT).until(() -> t.api.texts("o-alice").size() == 1);
    assertThat(t.api.texts("o-alice").get(0)).startsWith("请核对你的投稿：").contains("演讲稿：我的演讲.pdf");
    FileRef file = t.slides("o-alice").file();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
    assertThat(file.sha256()).isEqualTo(sha);
    assertThat(file.size()).isEqualTo(PDF.length);
    assertThat(Files.readAllBytes(dataDir.resolve(file.path()))).isEqualTo(PDF);
    // One file per link.
    assertThat(upload(link, "again.pdf", PDF).statusCode()).isEqualTo(410);
    assertThat(get(link).statusCode()).isEqualTo(410);
  }

  @Test
  void fileOfAnotherTypeRenamedToPdf_isRefused_andTheLinkStillWorks() throws Exception {
    t = new WechatTestBot(databases, dataDir);
    URI link = toTheSlidesQuestion("o-bob");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

    HttpResponse<String> refused = upload(link, "slides.pdf", png);

    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.body()).contains("这个文件不是 PDF, PPT, PPTX, KEY, ODP 格式");
    assertThat(t.slides("o-bob")).isNull();
    assertThat(upload(link, "slides.pdf", PDF).statusCode()).isEqualTo(200);
    assertThat(t.slides("o-bob").file().name()).isEqualTo("slides.pdf");
  }

  @Test
  void fileOverTheFormsLimit_isRefused() throws Exception {
    t =
        new WechatTestBot(
            databases,
            dataDir,
            Map.of(),
            text -> text.replace("max_file_mb: 50", "max_file_mb: 1"));
    URI link = toTheSlidesQuestion("o-carol");
    byte[] big = Arrays.copyOf(PDF, 1024 * 1024 + 10);

    HttpResponse<String> refused = upload(link, "slides.pdf", big);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("文件太大了：最大 1 MB。");
    assertThat(t.slides("o-carol")).isNull();
  }

  @Test
  void fileOverTheSpeakersQuota_isRefusedOnThePageAndInTheChat_andDeleted() throws Exception {
    t =
        new WechatTestBot(
            databases,
            dataDir,
            Map.of(),
            text ->
                text.replace("max_file_mb: 50", "max_file_mb: 1")
                    .replace("storage:\n", "storage:\n  max_mb_per_speaker: 1\n"));
    byte[] slides = Arrays.copyOf(PDF, 700 * 1024);
    assertThat(upload(toTheSlidesQuestion("o-quinn"), "first.pdf", slides).statusCode())
        .isEqualTo(200);
    t.safe.text("o-quinn", "确认");
    URI second = toTheSlidesQuestion("o-quinn");

    HttpResponse<String> refused = upload(second, "second.pdf", slides);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body())
        .contains("⚠️ 文件没有保存：你所有投稿的文件合计最多 1 MB，加上它就超出了。")
        .contains(
            "⚠️ The file was not saved: all your proposals&#39; files together may take at most 1 MB");
    await()
        .atMost(WAIT)
        .until(
            () ->
                t.api.texts("o-quinn").stream()
                    .anyMatch(m -> m.startsWith("这个文件没有保存：你所有投稿的文件合计最多 1 MB，加上它就超出了。")));
    try (var files = Files.walk(dataDir.resolve("files"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".pdf")).count()).isEqualTo(1);
    }
  }

  @Test
  void forgedOrExpiredLink_isRefused() throws Exception {
    t = new WechatTestBot(databases, dataDir, Map.of(), Function.identity());
    URI link = toTheSlidesQuestion("o-dave");
    String token = link.getPath().substring("/upload/".length());
    int dot = token.indexOf('.');
    URI forged =
        URI.create(
            t.base() + "/upload/" + token.substring(0, dot) + ".AAAA" + token.substring(dot + 5));

    assertThat(get(forged).statusCode()).isEqualTo(403);
    assertThat(upload(forged, "slides.pdf", PDF).statusCode()).isEqualTo(403);
    t.clock.set(t.clock.instant().plus(Duration.ofDays(8)));
    HttpResponse<String> expired = upload(link, "slides.pdf", PDF);
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body()).contains("这个上传链接无效或已过期");
    assertThat(t.slides("o-dave")).isNull();
  }
}
