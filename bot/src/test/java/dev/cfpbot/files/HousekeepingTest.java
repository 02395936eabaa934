package dev.cfpbot.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.rows.UploadLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the bot deletes on its own: exports once their link expired, stored files no answer refers
 * to (after a grace period), expired upload links — and nothing else.
 */
class HousekeepingTest {
  private static final Instant NOW = Instant.parse("2027-10-20T04:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dataDir;
  private final Storage storage = Storage.inMemory();
  private Housekeeping housekeeping;

  @BeforeEach
  void start() {
    housekeeping = new Housekeeping(storage, dataDir, HOUR, HOUR, Clock.fixed(NOW, ZoneOffset.UTC));
    storage
        .database()
        .useTransaction(
            "fixture",
            tx -> {
              storage
                  .speakers()
                  .insert(tx, new Speaker("sp-1", "wechat", "o-1", "张三", "zh", true, NOW));
              storage.submissions().insertDraft(tx, "s-1", "gz", "sp-1", NOW);
              storage.submissions().insertDraft(tx, "s-2", "gz", "sp-1", NOW);
            });
  }

  @AfterEach
  void stop() {
    housekeeping.close();
    storage.close();
  }

  /** A file under the data directory, last written {@code age} ago. */
  private Path file(String path, Duration age) throws IOException {
    Path file = dataDir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "content of " + path);
    Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
    return file;
  }

  private void answer(String submission, String path, boolean pending) {
    FileRef ref = new FileRef("s.pdf", "application/pdf", 10, "ab", path, null);
    storage
        .database()
        .useTransaction(
            "answer",
            tx -> storage.answers().put(tx, submission, Answer.file("slides", ref), pending, NOW));
  }

  @Test
  void exports_areDeletedOnceTheirLinkHasExpired() throws IOException {
    Path old = file("exports/cfp-20271020-025900.csv", Duration.ofMinutes(61));
    Path fresh = file("exports/cfp-20271020-033000.csv", Duration.ofMinutes(30));

    Housekeeping.Swept swept = housekeeping.runOnce();

    assertThat(swept.exports()).isEqualTo(1);
    assertThat(old).doesNotExist();
    assertThat(fresh).exists();
  }

  @Test
  void calendarFiles_areDeletedAfterAWeek() throws IOException {
    Path old = file("calendar/0b9e6f1c.ics", Duration.ofDays(8));
    Path fresh = file("calendar/5d2a7c40.ics", Duration.ofDays(6));

    Housekeeping.Swept swept = housekeeping.runOnce();

    assertThat(swept.calendars()).isEqualTo(1);
    assertThat(old).doesNotExist();
    assertThat(fresh).exists();
  }

  @Test
  void storedFiles_noAnswerRefersTo_areDeletedAfterTheGracePeriod() throws IOException {
    Path kept = file("files/ab/ab-1.pdf", Duration.ofDays(30));
    Path edit = file("files/cd/cd-1.pdf", Duration.ofDays(30));
    Path replaced = file("files/ef/ef-1.pdf", Duration.ofDays(30));
    Path inFlight = file("files/01/01-1.pdf", Duration.ofMinutes(5));
    Path unfinished = file("files/incoming/MultiPart123", Duration.ofHours(2));
    answer("s-1", "files/ab/ab-1.pdf", false);
    answer("s-2", "files/cd/cd-1.pdf", true);

    Housekeeping.Swept swept = housekeeping.runOnce();

    assertThat(swept.files()).isEqualTo(2);
    assertThat(kept).exists();
    assertThat(edit).exists();
    assertThat(inFlight).exists();
    assertThat(replaced).doesNotExist();
    assertThat(unfinished).doesNotExist();
  }

  @Test
  void filesOfACancelledDraft_goOnceTheDraftIsDeleted() throws IOException {
    Path slides = file("files/ab/ab-1.pdf", Duration.ofHours(2));
    answer("s-1", "files/ab/ab-1.pdf", false);
    assertThat(housekeeping.runOnce().files()).isZero();

    storage.database().useTransaction("cancel", tx -> storage.submissions().deleteDraft(tx, "s-1"));

    assertThat(housekeeping.runOnce().files()).isEqualTo(1);
    assertThat(slides).doesNotExist();
  }

  @Test
  void expiredUploadLinks_areForgotten() {
    storage
        .database()
        .useTransaction(
            "links",
            tx -> {
              storage
                  .uploadLinks()
                  .insert(
                      tx,
                      new UploadLink(
                          "old", "s-1", "slides", "wechat", "o-1", NOW, NOW.minusSeconds(1), null));
              storage
                  .uploadLinks()
                  .insert(
                      tx,
                      new UploadLink(
                          "new", "s-1", "slides", "wechat", "o-1", NOW, NOW.plus(HOUR), null));
            });

    assertThat(housekeeping.runOnce().links()).isEqualTo(1);
  }

  @Test
  void aDataDirectoryWithNothingYet_isFine() {
    assertThat(housekeeping.runOnce()).isEqualTo(new Housekeeping.Swept(0, 0, 0, 0));
  }
}
