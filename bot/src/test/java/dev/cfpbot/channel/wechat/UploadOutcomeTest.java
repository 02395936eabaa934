package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testing.Uploads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload page tells the truth: what the bot did with the file (saved as which proposal's
 * slides, or refused and why), with the chat told the same, and a refused file deleted at once.
 */
@ExtendWith(StorageExtension.class)
class UploadOutcomeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Pattern UPLOAD = Pattern.compile("https://cfp\\.example\\.org/upload/\\S+");
  private static final String TALK = "《" + WechatCallbackTest.TITLE + "》";
  private static final String TALK_EN = "“" + WechatCallbackTest.TITLE + "”";

  @TempDir Path dataDir;
  private WechatTestBot t;
  private final Uploads browser = new Uploads();

  @BeforeEach
  void start(TestDatabases databases) {
    t = new WechatTestBot(databases, dataDir);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private static URI link(String reply) {
    Matcher link = UPLOAD.matcher(reply);
    assertThat(link.find()).as(reply).isTrue();
    return URI.create(link.group());
  }

  /** Answers up to the slides question; returns its upload link (pointed at this server). */
  private URI toTheSlidesQuestion(String openid) {
    t.safe.text(openid, "投稿");
    String reply = null;
    for (String answer : WechatCallbackTest.FORM.subList(0, 6)) {
      reply = t.safe.text(openid, answer).reply();
    }
    return t.local(link(reply).toString());
  }

  /** Submits without slides, then opens an edit of the slides; returns that question's link. */
  private URI submittedThenEditingTheSlides(String openid) {
    WechatCallbackTest.submit(t.safe, openid);
    t.safe.text(openid, "修改");
    return t.local(link(t.safe.text(openid, "/edit slides").reply()).toString());
  }

  /** Stored slides: files under {@code files/<two hex digits>/}. */
  private List<Path> storedFiles() {
    Path files = dataDir.resolve("files");
    if (!Files.exists(files)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(files)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> p.getParent().getFileName().toString().matches("[0-9a-f]{2}"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many customer-service messages {@code openid} has had, once every queued one is sent. */
  private int sentSoFar(String openid) {
    await()
        .atMost(WAIT)
        .until(() -> t.in(tx -> t.storage.outbox().countUnsent(tx, WechatChannel.NAME)) == 0);
    return t.api.texts(openid).size();
  }

  /** The customer-service messages {@code openid} got after the first {@code before}. */
  private List<String> chatAfter(String openid, int before, int count) {
    await().atMost(WAIT).until(() -> t.api.texts(openid).size() >= before + count);
    return t.api.texts(openid).subList(before, before + count);
  }

  @Test
  void uploadAtTheSummaryOfTheSameDraft_isSaved_andTheSummaryShownAgain() {
    URI link = toTheSlidesQuestion("o-sam");
    t.safe.text("o-sam", "/skip");
    int before = sentSoFar("o-sam");

    HttpResponse<String> page = browser.upload(link, "slides.pdf", Uploads.PDF);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("✅ 已保存为草稿" + TALK + "的演讲稿。回到聊天继续。")
        .contains(
            "✅ Saved as the slides of the draft " + TALK_EN + ". Go back to the chat to go on.");
    assertThat(chatAfter("o-sam", before, 1).get(0))
        .startsWith("请核对你的投稿：")
        .contains("演讲稿：slides.pdf (1 KB)");
    assertThat(t.slides("o-sam").file().name()).isEqualTo("slides.pdf");
    assertThat(storedFiles()).hasSize(1);
  }

  @Test
  void uploadForASubmittedProposal_isSavedAsAnEditToConfirm() {
    URI link = submittedThenEditingTheSlides("o-sue");
    int before = sentSoFar("o-sue");

    HttpResponse<String> page = browser.upload(link, "slides.pdf", Uploads.PDF);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("✅ 已保存为 GZ-01" + TALK + "的新演讲稿。请回到聊天发送「确认」提交这个修改。");
    assertThat(chatAfter("o-sue", before, 1).get(0))
        .startsWith("你正在修改 GZ-01：")
        .contains("演讲稿：slides.pdf (1 KB)");
  }

  @Test
  void uploadAfterTheDeadline_isRefusedWithTheReason_andTheFileDeletedAtOnce() {
    t.clock.set(Instant.parse("2027-10-30T12:00:00Z"));
    URI link = toTheSlidesQuestion("o-late");
    int before = sentSoFar("o-late");
    t.clock.set(Instant.parse("2027-10-30T16:30:00Z"));

    HttpResponse<String> page = browser.upload(link, "slides.pdf", Uploads.PDF);

    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body())
        .contains(
            "⚠️ 文件没有保存：「Techparty 广州 · Docker 技术沙龙」的投稿已于 2027年10月30日（周六） 23:59 (Asia/Shanghai, UTC+8) 截止。")
        .contains(
            "⚠️ The file was not saved: the call for Techparty Guangzhou · Docker Salon closed on");
    assertThat(chatAfter("o-late", before, 1).get(0))
        .isEqualTo(
            "刚才上传的文件没有保存：「Techparty 广州 · Docker 技术沙龙」的投稿已于 2027年10月30日（周六） 23:59 (Asia/Shanghai, UTC+8) 截止。");
    assertThat(t.slides("o-late")).isNull();
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void uploadForAWithdrawnProposal_isRefused_andTheFileDeleted() {
    URI link = submittedThenEditingTheSlides("o-wanda");
    t.safe.text("o-wanda", "取消");
    t.safe.text("o-wanda", "撤回");
    t.safe.text("o-wanda", "确认");
    int before = sentSoFar("o-wanda");

    HttpResponse<String> page = browser.upload(link, "slides.pdf", Uploads.PDF);

    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body()).contains("⚠️ 文件没有保存：GZ-01" + TALK + "现在是「已撤回」，不能再修改。");
    assertThat(chatAfter("o-wanda", before, 1).get(0))
        .isEqualTo("刚才上传的文件没有保存：GZ-01 " + TALK + "现在是「已撤回」，不能再修改。");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void uploadWhileTheChatIsAtAnotherStep_isRefused_andSaysWhatToDo() {
    URI link = submittedThenEditingTheSlides("o-otto");
    t.safe.text("o-otto", "取消");
    t.safe.text("o-otto", "投稿");
    int before = sentSoFar("o-otto");

    HttpResponse<String> page = browser.upload(link, "slides.pdf", Uploads.PDF);

    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body()).contains("⚠️ 文件没有保存：聊天正在进行另一个步骤。请先在聊天中完成它（或发送「取消」），再打开这个链接上传。");
    List<String> chat = chatAfter("o-otto", before, 2);
    assertThat(chat.get(0)).isEqualTo("刚才上传的文件没有保存：你正在进行另一个步骤（见下方）。完成它或发送「取消」后，再打开上传链接。");
    assertThat(chat.get(1)).startsWith("(1/7) 请问怎么称呼你？");
    assertThat(storedFiles()).isEmpty();
    // The link was not used up: once the chat is free, it takes the file.
    t.safe.text("o-otto", "取消");
    assertThat(browser.upload(link, "slides.pdf", Uploads.PDF).statusCode()).isEqualTo(200);
  }

  @Test
  void twoUploadsAtOnceOnOneLink_storeExactlyOneFile() throws Exception {
    URI link = toTheSlidesQuestion("o-twin");
    byte[] first = Uploads.pdf(4 * 1024 * 1024, 1);
    byte[] second = Uploads.pdf(4 * 1024 * 1024, 2);

    var a =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> browser.upload(link, "a.pdf", first));
    var b =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> browser.upload(link, "b.pdf", second));

    List<Integer> statuses =
        Stream.of(a.get(), b.get()).map(HttpResponse::statusCode).sorted().toList();
    assertThat(statuses).containsExactly(200, 410);
    assertThat(storedFiles()).hasSize(1);
    String kept = t.slides("o-twin").file().name();
    assertThat(kept).isIn("a.pdf", "b.pdf");
    HttpResponse<String> loser = a.get().statusCode() == 410 ? a.get() : b.get();
    assertThat(loser.body()).contains("这个上传链接已经用过了。");
  }

  @Test
  void slidesQuestionAskedAgain_showsTheSameLink_untilItIsUsed() {
    URI first = toTheSlidesQuestion("o-rita");
    t.clock.set(t.clock.instant().plus(Duration.ofMinutes(5)));
    t.safe.text("o-rita", "返回");

    URI again =
        t.local(link(t.safe.text("o-rita", WechatCallbackTest.FORM.get(5)).reply()).toString());

    assertThat(again).isEqualTo(first);
    assertThat(browser.upload(first, "slides.pdf", Uploads.PDF).statusCode()).isEqualTo(200);
    t.safe.text("o-rita", "修改");
    URI afterUse = t.local(link(t.safe.text("o-rita", "/edit slides").reply()).toString());
    assertThat(afterUse).isNotEqualTo(first);
  }

  @Test
  void uploadPage_mayNotBeFramed() {
    URI link = toTheSlidesQuestion("o-fran");

    HttpResponse<String> page = browser.get(link);

    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .isEqualTo(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                + " frame-ancestors 'none'; base-uri 'none'");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void formWithAnotherPartThanTheFile_isRefused_andTheLinkStillWorks() {
    URI link = toTheSlidesQuestion("o-paul");

    HttpResponse<String> extra =
        browser.post(
            link,
            List.of(
                new Uploads.Part("file", "slides.pdf", Uploads.PDF),
                new Uploads.Part("note", null, "hello".getBytes())));
    HttpResponse<String> many =
        browser.post(
            link,
            Stream.iterate(0, i -> i + 1)
                .limit(48)
                .map(i -> new Uploads.Part("file", "s" + i + ".pdf", Uploads.PDF))
                .toList());

    assertThat(extra.statusCode()).isEqualTo(400);
    assertThat(extra.body()).contains("请只上传一个文件。");
    assertThat(many.statusCode()).isEqualTo(400);
    assertThat(storedFiles()).isEmpty();
    // Jetty closed the connection it stopped reading: a new client, as a browser would open.
    assertThat(new Uploads().upload(link, "slides.pdf", Uploads.PDF).statusCode()).isEqualTo(200);
  }

  @Test
  void filePart_isOnDiskWhileTheBotHandlesIt_notInMemory() {
    URI link = toTheSlidesQuestion("o-disk");
    byte[] pdf = Uploads.pdf(200 * 1024, 3);
    List<Long> spooled = new java.util.concurrent.CopyOnWriteArrayList<>();
    t.beforeUpload = in -> spooled.addAll(spoolFileSizes());

    assertThat(browser.upload(link, "slides.pdf", pdf).statusCode()).isEqualTo(200);

    // Jetty writes each part it does not keep in memory to a file of its own in the spool
    // directory; the part of 200 KB (under the old 1 MB threshold) is one of them.
    assertThat(spooled).containsExactly((long) pdf.length);
  }

  /** The sizes of the multipart parser's spool files anywhere under the data directory. */
  private List<Long> spoolFileSizes() {
    try (Stream<Path> all = Files.walk(dataDir)) {
      return all.filter(p -> p.getFileName().toString().startsWith("MultiPart"))
          .map(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
