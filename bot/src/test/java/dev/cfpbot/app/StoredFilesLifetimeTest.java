package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.files.Housekeeping;
import dev.cfpbot.testkit.SentMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot keeps files no longer than they are wanted: an export goes when its link expires (one
 * hour), replaced slides go once no answer refers to them.
 */
class StoredFilesLifetimeTest {
  private static final long SPEAKER = 5151;
  private static final byte[] PDF = "%PDF-1.4\n% first\n".getBytes();
  private static final byte[] NEW_PDF = "%PDF-1.4\n% second\n".getBytes();

  @TempDir Path dataDir;
  private TelegramHarness h;

  @BeforeEach
  void start() {
    h = new TelegramHarness(dataDir, Clock.systemUTC(), Map.of()).start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static void age(Path file, Duration by) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(by)));
  }

  private List<Path> stored() throws IOException {
    try (var all = Files.walk(dataDir.resolve("files"))) {
      return all.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
  }

  @Test
  void export_namesNoServerPath_andIsDeletedOnceItsLinkHasExpired() throws IOException {
    h.telegram.sendText(777, "/export");
    SentMessage export = h.awaitSent("777", 1).get(0);
    Path file = dataDir.resolve("exports").resolve(export.document());

    assertThat(export.text()).isEqualTo("已导出 0 个投稿：" + export.document());
    assertThat(file).exists();
    assertThat(h.app.housekeeping().runOnce().exports()).isZero();
    age(file, Duration.ofMinutes(61));

    Housekeeping.Swept swept = h.app.housekeeping().runOnce();

    assertThat(swept.exports()).isEqualTo(1);
    assertThat(file).doesNotExist();
  }

  @Test
  void replacedSlides_areDeleted_onceNoAnswerRefersToThem() throws IOException {
    h.say(SPEAKER, "/start", 1);
    for (String answer : TelegramSubmissionTest.SEED) {
      h.say(SPEAKER, answer, 1);
    }
    h.telegram.sendDocument(SPEAKER, "slides.pdf", "application/pdf", PDF);
    h.awaitTexts(SPEAKER, 8);
    h.say(SPEAKER, "确认", 1);
    Path first = stored().get(0);
    h.say(SPEAKER, "修改", 1);
    h.say(SPEAKER, "/edit slides", 1);
    h.telegram.sendDocument(SPEAKER, "slides-v2.pdf", "application/pdf", NEW_PDF);
    h.awaitTexts(SPEAKER, 12);
    age(first, Duration.ofHours(2));
    // Still the confirmed answer while the new slides wait for confirmation.
    assertThat(h.app.housekeeping().runOnce().files()).isZero();

    h.say(SPEAKER, "确认", 1);
    Housekeeping.Swept swept = h.app.housekeeping().runOnce();

    assertThat(swept.files()).isEqualTo(1);
    assertThat(first).doesNotExist();
    assertThat(stored()).hasSize(1);
    assertThat(Files.readAllBytes(stored().get(0))).isEqualTo(NEW_PDF);
  }
}
