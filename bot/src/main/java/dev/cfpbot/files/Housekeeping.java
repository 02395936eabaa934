package dev.cfpbot.files;

import dev.cfpbot.concurrent.Shutdown;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the bot keeps no longer than it needs: exports once their download link has expired,
 * calendar files sent to speakers after {@link #CALENDAR_LIFETIME}, stored files that no answer
 * refers to any more (replaced slides, cancelled drafts, forgotten speakers; left alone for a grace
 * period, so that an upload whose turn is still running is not taken), and upload links that have
 * expired. Every instance runs it over its own data directory: the database says which files are
 * still wanted, whichever instance stored them.
 */
public final class Housekeeping implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  /** What one run deleted. */
  public record Swept(int exports, int calendars, int files, int links) {}

  /**
   * How long a calendar file written for a speaker's message is kept: the message is sent, or has
   * failed for good, within minutes (the outbox's retries are capped at minutes); a week leaves
   * room for a platform that is down for days, and the speaker can ask for the agenda again.
   */
  static final Duration CALENDAR_LIFETIME = Duration.ofDays(7);

  private final Storage storage;
  private final Path dataDir;
  private final Duration exportLifetime;
  private final Duration grace;
  private final Clock clock;
  private ScheduledExecutorService timer;

  /**
   * @param exportLifetime how long an export's download link is valid
   * @param grace how old a stored file must be before it is deleted for want of an answer
   */
  public Housekeeping(
      Storage storage, Path dataDir, Duration exportLifetime, Duration grace, Clock clock) {
    this.storage = storage;
    this.dataDir = dataDir;
    this.exportLifetime = exportLifetime;
    this.grace = grace;
    this.clock = clock;
  }

  /** Runs every {@code every}, the first time after {@code first}. */
  public void start(Duration first, Duration every) {
    timer = Executors.newSingleThreadScheduledExecutor(Threads.named("cfpbot-housekeeping"));
    timer.scheduleWithFixedDelay(
        this::runLogged, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One run, now. */
  public Swept runOnce() {
    Instant now = clock.instant();
    int exports = deleteOlder(dataDir.resolve("exports"), now.minus(exportLifetime));
    int calendars = deleteOlder(dataDir.resolve("calendar"), now.minus(CALENDAR_LIFETIME));
    int files = deleteUnreferenced(now.minus(grace));
    int links =
        storage
            .database()
            .inTransaction(
                "delete expired upload links", tx -> storage.uploadLinks().deleteExpired(tx, now));
    return new Swept(exports, calendars, files, links);
  }

  private void runLogged() {
    try {
      Swept swept = runOnce();
      if (swept.exports() + swept.calendars() + swept.files() > 0) {
        log.info(
            "housekeeping: deleted {} expired exports, {} calendar files and {} stored files no"
                + " answer refers to",
            swept.exports(),
            swept.calendars(),
            swept.files());
      }
    } catch (RuntimeException e) {
      log.warn("housekeeping failed, tried again later: {}", e.getClass().getSimpleName());
    }
  }

  /** Deletes the files directly in {@code dir} last written before {@code before}. */
  private int deleteOlder(Path dir, Instant before) {
    int deleted = 0;
    for (Path file : files(dir, 1)) {
      if (modified(file).isBefore(before) && delete(file)) {
        deleted++;
      }
    }
    return deleted;
  }

  /**
   * Deletes stored files (and leftovers of uploads that never finished) last written before {@code
   * before} that no answer, confirmed or pending, refers to.
   */
  private int deleteUnreferenced(Instant before) {
    int deleted = 0;
    for (Path file : files(dataDir.resolve("files"), Integer.MAX_VALUE)) {
      if (!modified(file).isBefore(before)) {
        continue;
      }
      String path = dataDir.relativize(file).toString().replace('\\', '/');
      boolean wanted =
          storage
              .database()
              .inTransaction("check stored file", tx -> storage.answers().fileReferenced(tx, path));
      if (!wanted && delete(file)) {
        deleted++;
      }
    }
    return deleted;
  }

  private static List<Path> files(Path dir, int depth) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(dir, depth)) {
      return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("list " + dir, e);
    }
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
    } catch (IOException e) {
      // gone meanwhile (another instance deleted it): nothing to do
      return Instant.MAX;
    }
  }

  private static boolean delete(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("housekeeping: could not delete a file: {}", e.getClass().getSimpleName());
      return false;
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      Shutdown.gently(timer, "housekeeping");
    }
  }
}
