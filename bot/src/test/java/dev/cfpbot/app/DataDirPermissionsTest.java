package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.config.Settings;
import dev.cfpbot.files.PrivateFiles;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.StorageException;
import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testing.Uploads;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Everything the bot writes under its data directory is its user's alone — directories 0700, files
 * 0600 — from the moment it exists, whatever the process's umask (the test JVM's is 022).
 */
class DataDirPermissionsTest {
  private static final Pattern UPLOAD =
      Pattern.compile("https://cfp\\.example\\.org(/upload/\\S+)");
  private static final long SPEAKER = 4242;

  @TempDir Path tmp;

  /** Every path under {@code dir} (itself included) whose permissions are wider than the rule. */
  static Map<String, String> tooWide(Path dir) {
    Map<String, String> wide = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      all.forEach(
          p -> {
            try {
              String perms =
                  PosixFilePermissions.toString(
                      Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
              String wanted = Files.isDirectory(p) ? "rwx------" : "rw-------";
              if (!perms.equals(wanted)) {
                wide.put(dir.relativize(p).toString(), perms);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return wide;
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
    }
  }

  @Test
  void submissionWithUploadedSlidesAndAnExport_leaveOnlyPrivateFilesAndDirectories()
      throws Exception {
    Path dataDir = tmp.resolve("data");
    try (TelegramHarness h =
        new TelegramHarness(
                dataDir,
                Clock.systemUTC(),
                Map.of("CFPBOT_PUBLIC_URL", "https://cfp.example.org", "CFPBOT_HTTP_PORT", "0"))
            .start()) {
      h.say(SPEAKER, "/start", 1);
      for (String answer :
          List.of(
              "张三",
              "运维工程师。",
              "zhangsan_docker",
              "138 0013 8000",
              "从零到生产：我们的 Docker 迁移之路",
              "介绍我们把单体应用迁移到 Docker 的过程和踩过的坑。")) {
        h.say(SPEAKER, answer, 1);
      }
      h.telegram.sendLargeDocument(SPEAKER, "talk.pdf", 30L * 1024 * 1024);
      String tooLarge = h.awaitTexts(SPEAKER, 8).get(7);
      Matcher link = UPLOAD.matcher(tooLarge);
      assertThat(link.find()).as(tooLarge).isTrue();
      URI local = URI.create("http://127.0.0.1:" + h.app.httpPort() + link.group(1));
      assertThat(new Uploads().upload(local, "slides.pdf", Uploads.PDF).statusCode())
          .isEqualTo(200);
      h.awaitTexts(SPEAKER, 9);
      h.telegram.sendText(777, "/export");
      h.awaitSent("777", 1);

      assertThat(names(dataDir))
          .contains("cfpbot.mv.db", "secret.key")
          .anyMatch(n -> n.matches("files/[0-9a-f]{2}/[0-9a-f]{64}.*\\.pdf"))
          .anyMatch(n -> n.matches("exports/cfp-\\d{8}-\\d{6}\\.csv"))
          .noneMatch(n -> n.endsWith(".trace.db"));
      assertThat(tooWide(dataDir)).isEmpty();
    }
  }

  @Test
  void existingFilesWiderThanTheRule_areTightenedAtStart_andTheLogSaysSoOnce() throws Exception {
    Path dataDir = tmp.resolve("data");
    Files.createDirectories(dataDir.resolve("files/ab"));
    Files.writeString(dataDir.resolve("files/ab/old.pdf"), "%PDF-old");
    Files.writeString(dataDir.resolve("notes.txt"), "kept");
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        dataDir.resolve("files"), PosixFilePermissions.fromString("rwxrwxr-x"));
    Files.setPosixFilePermissions(
        dataDir.resolve("files/ab/old.pdf"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(
        dataDir.resolve("notes.txt"), PosixFilePermissions.fromString("rw-rw-rw-"));
    Logger logger = (Logger) LoggerFactory.getLogger(PrivateFiles.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    Level level = logger.getLevel();
    logger.setLevel(Level.INFO);
    try (TelegramHarness h = new TelegramHarness(dataDir, Clock.systemUTC(), Map.of()).start()) {
      h.telegram.awaitFirstGetUpdates(Duration.ofSeconds(10));

      assertThat(tooWide(dataDir)).isEmpty();
      assertThat(Files.readString(dataDir.resolve("notes.txt"))).isEqualTo("kept");
    } finally {
      logger.detachAppender(lines);
      logger.setLevel(level);
    }
    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "data directory: 5 files and directories were readable by other users; now only by"
                + " the bot's user");
  }

  @Test
  void exportToAFile_isPrivateFromItsCreation_evenOverAnExistingFile() throws Exception {
    Path dataDir = tmp.resolve("data");
    Path out = tmp.resolve("export.csv");
    Files.writeString(out, "an older export");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io =
        new Io(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(
                "CFPBOT_CONFIG",
                TestBot.SHIPPED_CONFIG.toString(),
                "CFPBOT_DATA_DIR",
                dataDir.toString()),
            Clock.systemUTC());
    // The bot runs once (the console, with nothing to read), so there is a database to export.
    assertThat(Main.run(io)).isZero();

    int exit = Main.run(io, "export", "--out", out.toString());

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(Files.readString(out)).startsWith("\uFEFFid,event,state,");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
    assertThat(names(tmp)).containsExactlyInAnyOrder("export.csv", "data/cfpbot.mv.db");
    assertThat(tooWide(dataDir)).isEmpty();
  }

  @Test
  void databaseError_leavesNoTraceFile() throws Exception {
    Path dataDir = tmp.resolve("data");
    Settings settings =
        Settings.resolve(
            TestBot.SHIPPED_CONFIG,
            ConfigLoader.load(TestBot.SHIPPED_CONFIG),
            Map.of("CFPBOT_DATA_DIR", dataDir.toString()));
    Files.createDirectories(dataDir);

    try (Storage storage = Storage.open(settings.dbUrl(), "sa", "", 2)) {
      try {
        storage
            .database()
            .useTransaction(
                "provoke",
                tx -> tx.update("provoke", "insert into speakers (id) values ('+8613800138000')"));
      } catch (StorageException e) {
        // expected: the row misses its other columns
      }
    }

    assertThat(names(dataDir)).noneMatch(n -> n.endsWith(".trace.db"));
    assertThat(settings.dbUrl()).contains(";TRACE_LEVEL_FILE=0");
  }
}
