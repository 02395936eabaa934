package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class data sharing archive: made in the background, used from the next start, and
 * a damaged one (which the JVM would crash on: SIGABRT on a truncated file, seen on JDK 17) never
 * stops the bot from starting.
 */
class ClassArchiveIT {
  private static final String NOTHING_TO_EXPORT = "(CFPBOT_DATA_DIR); nothing to export\n";
  private static final String FROM_THE_ARCHIVE = "source: shared objects file (top)";

  @TempDir Path dir;
  private Path archive;
  private Path stamp;

  @BeforeEach
  void names() {
    archive = dir.resolve("cfp-bot.jsa");
    stamp = dir.resolve("cfp-bot.jsa.sum");
  }

  /**
   * ./cfp-bot export on an empty data directory: the JVM starts, runs the bot's code, exits 1.
   *
   * @return how many classes it took from the archive
   */
  private long launch() throws IOException, InterruptedException {
    // Added to the launcher's flags by the JVM itself; the archive JVM logs to a file of its own.
    Process process =
        Launcher.run(
            dir,
            Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + dir.resolve("classes-%p.txt")),
            "export",
            "--format",
            "csv");
    assertThat(process.exitValue()).as("exit code (134: the JVM aborted)").isEqualTo(1);
    assertThat(Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8))
        .endsWith(NOTHING_TO_EXPORT);
    try (var lines = Files.lines(dir.resolve("classes-" + process.pid() + ".txt"))) {
      return lines.filter(line -> line.endsWith(FROM_THE_ARCHIVE)).count();
    }
  }

  /**
   * Waits until the archive is one the launcher will use: its size and checksum in the stamp, as
   * the launcher checks them. Not "as large as before": what a rehearsal loads may differ a little
   * from one making to the next, and a made-again archive need not be the same bytes.
   */
  private void awaitWholeArchive() {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Files.exists(stamp)
                    && Files.size(archive) > 1_000_000
                    && Files.readString(stamp).strip().endsWith(" " + cksum(archive)));
  }

  /** POSIX {@code cksum} of a file, as the launcher writes it into the stamp: "CRC SIZE". */
  private static String cksum(Path file) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("cksum").redirectInput(file.toFile()).start();
    String sum = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertThat(process.waitFor()).isZero();
    return sum.strip();
  }

  private void replaceArchive(byte[] bytes) throws IOException {
    Files.delete(archive);
    Files.write(archive, bytes);
  }

  @Test
  void archive_isMadeAfterTheFirstStart_andUsedByTheNext() throws Exception {
    assertThat(launch()).isZero();
    awaitWholeArchive();

    assertThat(launch()).isGreaterThan(1_000);
  }

  @Test
  void truncatedArchive_isNotUsed_andIsMadeAgain() throws Exception {
    launch();
    awaitWholeArchive();
    byte[] whole = Files.readAllBytes(archive);

    replaceArchive(Arrays.copyOf(whole, whole.length / 2));

    assertThat(launch()).isZero();
    awaitWholeArchive();
    assertThat(launch()).isGreaterThan(1_000);
  }

  @Test
  void damagedOrEmptyArchive_isNotUsed() throws Exception {
    launch();
    awaitWholeArchive();
    byte[] damaged = Files.readAllBytes(archive);
    Arrays.fill(damaged, damaged.length / 3, damaged.length / 3 + 4096, (byte) 0x5a);

    replaceArchive(damaged);
    assertThat(launch()).isZero();

    awaitWholeArchive();
    replaceArchive(new byte[0]);
    assertThat(launch()).isZero();
  }
}
