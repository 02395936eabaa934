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

  @TempDir Path dir;
  private Path archive;
  private Path stamp;

  @BeforeEach
  void names() {
    archive = dir.resolve("cfp-bot.jsa");
    stamp = dir.resolve("cfp-bot.jsa.sum");
  }

  /** ./cfp-bot export on an empty data directory: the JVM starts, runs the bot's code, exits 1. */
  private String launch() throws IOException, InterruptedException {
    Process process = Launcher.run(dir, Map.of(), "export", "--format", "csv");
    assertThat(process.exitValue()).as("exit code (134: the JVM aborted)").isEqualTo(1);
    return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
  }

  private void awaitArchive() {
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> Files.exists(stamp) && Files.exists(archive) && Files.size(archive) > 1_000_000);
  }

  private void replaceArchive(byte[] bytes) throws IOException {
    Files.delete(archive);
    Files.write(archive, bytes);
  }

  @Test
  void archive_isMadeAfterTheFirstStart_andUsedByTheNext() throws Exception {
    assertThat(launch()).endsWith(NOTHING_TO_EXPORT);
    awaitArchive();
    String made = Files.readString(stamp);

    assertThat(launch()).endsWith(NOTHING_TO_EXPORT);

    assertThat(Files.readString(stamp)).isEqualTo(made);
  }

  @Test
  void truncatedArchive_isNotUsed_andIsMadeAgain() throws Exception {
    launch();
    awaitArchive();
    byte[] whole = Files.readAllBytes(archive);

    replaceArchive(Arrays.copyOf(whole, whole.length / 2));

    assertThat(launch()).endsWith(NOTHING_TO_EXPORT);
    await().atMost(Duration.ofMinutes(2)).until(() -> Files.size(archive) == whole.length);
  }

  @Test
  void damagedOrEmptyArchive_isNotUsed() throws Exception {
    launch();
    awaitArchive();
    byte[] damaged = Files.readAllBytes(archive);
    Arrays.fill(damaged, damaged.length / 3, damaged.length / 3 + 4096, (byte) 0x5a);

    replaceArchive(damaged);
    assertThat(launch()).endsWith(NOTHING_TO_EXPORT);

    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> !Arrays.equals(Files.readAllBytes(archive), damaged));
    replaceArchive(new byte[0]);
    assertThat(launch()).endsWith(NOTHING_TO_EXPORT);
  }
}
