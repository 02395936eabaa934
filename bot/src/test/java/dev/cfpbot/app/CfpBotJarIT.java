package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.storage.Storage;
import dev.cfpbot.testkit.FakeTelegram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as its own process the way ./cfp-bot runs it. */
class CfpBotJarIT {
  private static final Path JAR = Path.of(System.getProperty("cfpbot.jar", "target/cfp-bot.jar"));
  private static final Path ROOT = Path.of(System.getProperty("cfpbot.root", ".."));

  @TempDir Path dataDir;

  record Result(int exit, String out, String err) {}

  private Result run(String input, String... args) throws IOException, InterruptedException {
    return finish(start(input, Map.of(), args));
  }

  /** Starts the jar with {@code input} waiting on its standard input. */
  private Process start(String input, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("java", "-Xmx128m", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CFPBOT_CONFIG", ROOT.resolve("config/cfp-bot.yaml").toString());
    builder.environment().put("CFPBOT_DATA_DIR", dataDir.toString());
    builder.environment().putAll(env);
    builder.redirectOutput(out().toFile()).redirectError(err().toFile());
    Process process = builder.start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    return process;
  }

  private Result finish(Process process) throws IOException, InterruptedException {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the bot ends with its input").isTrue();
    return new Result(process.exitValue(), Files.readString(out()), Files.readString(err()));
  }

  private Path out() {
    return dataDir.resolve("stdout.txt");
  }

  private Path err() {
    return dataDir.resolve("stderr.txt");
  }

  /** The bot's H2 file, opened by this process: the bot cannot open it until it is closed. */
  private Storage holdDatabase() {
    return Storage.open(
        "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("cfpbot"), "sa", "", 2);
  }

  @Test
  void jar_pipedSubmissionThenExport() throws Exception {
    Result chat = run(ConsoleEndToEndTest.HALF + ConsoleEndToEndTest.REST);

    assertThat(chat.exit()).isZero();
    assertThat(chat.out()).contains("✅ 投稿成功！编号 GZ-01\n《从零到生产：我们的 Docker 迁移之路》已提交给组织者");
    // The terminal is the chat: routine log lines stay out of it.
    assertThat(chat.err()).startsWith("cfp-bot is running.").doesNotContain(" INFO ");

    Result export = run("", "export", "--format", "csv");

    assertThat(export.exit()).isZero();
    assertThat(export.out()).startsWith("\uFEFFid,event,state,");
    assertThat(export.out()).contains("\r\nGZ-01,gz-2027-10-docker,submitted,");
  }

  @Test
  void jar_databaseHeldByAStoppingBot_waitsForItThenRuns() throws Exception {
    Process bot;
    try (Storage stoppingBot = holdDatabase()) {
      bot = start("投稿\n", Map.of());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.exists(err()) && Files.readString(err()).contains("Waiting up to"));
    }

    Result result = finish(bot);

    assertThat(result.err())
        .contains(
            "cfp-bot: the database in "
                + dataDir
                + " is in use by another cfp-bot process (an H2 file opens in one process only)."
                + " Stop that process first, or ask the running bot with /export. Waiting up to 60"
                + " s for it.\n");
    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("(1/7) 请问怎么称呼你？（姓名）");
  }

  @Test
  void jar_databaseHeld_noWaitWanted_failsAtOnceSayingWhy() throws Exception {
    Result result;
    try (Storage otherBot = holdDatabase()) {
      result = finish(start("投稿\n", Map.of("CFPBOT_DB_WAIT", "0")));
    }

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.err())
        .isEqualTo(
            "cfp-bot: the database in "
                + dataDir
                + " is in use by another cfp-bot process (an H2 file opens in one process only)."
                + " Stop that process first, or ask the running bot with /export.\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void jar_sigterm_recordsEveryDeliveryThenClosesTheDatabase() throws Exception {
    try (FakeTelegram telegram = new FakeTelegram("123:abc", "cfp_test_bot").start(0)) {
      Process bot =
          start(
              "",
              Map.of(
                  "TELEGRAM_BOT_TOKEN", "123:abc",
                  "TELEGRAM_API_URL", telegram.url(),
                  "TELEGRAM_RATE_LIMITS", "off"));
      telegram.sendText(5005, "/start");
      await().atMost(Duration.ofSeconds(30)).until(() -> telegram.textsTo(5005).size() == 1);

      bot.destroy();

      assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("the bot stops on SIGTERM").isTrue();
      assertThat(Files.readString(err())).doesNotContain("WARN").doesNotContain("Exception");
      try (Storage storage = holdDatabase()) {
        long unsent =
            storage
                .database()
                .inTransaction("count", tx -> storage.outbox().countUnsent(tx, "telegram"));
        assertThat(unsent).isZero();
      }
    }
  }

  @Test
  void jar_newDataDirectory_isPrivate_withoutTheLaunchersUmask() throws Exception {
    // The JVM runs with the umask Maven was given (022 here), not the launcher's 077.
    Path data = dataDir.resolve("data");
    Path out = dataDir.resolve("export.csv");
    Map<String, String> env =
        Map.of(
            "CFPBOT_DATA_DIR", data.toString(),
            "CFPBOT_PUBLIC_URL", "https://cfp.example.org",
            "CFPBOT_HTTP_PORT", "0");

    Result chat = finish(start(ConsoleEndToEndTest.HALF + ConsoleEndToEndTest.REST, env));
    Result export = finish(start("", env, "export", "--out", out.toString()));

    assertThat(chat.exit()).isZero();
    assertThat(export.exit()).isZero();
    assertThat(DataDirPermissionsTest.names(data)).contains("cfpbot.mv.db", "secret.key");
    assertThat(DataDirPermissionsTest.tooWide(data)).isEmpty();
    assertThat(DataDirPermissionsTest.tooWide(out)).isEmpty();
  }

  @Test
  void jar_halfThenRest_resumesAcrossProcesses() throws Exception {
    run(ConsoleEndToEndTest.HALF);

    Result rest = run(ConsoleEndToEndTest.REST);

    // The restarted chat first asks again the question the first run stopped at.
    assertThat(rest.out())
        .startsWith("欢迎回来！")
        .contains("\n\n(4/7) 你的联系电话是？（只有组织者能看到）\n\n(5/7) 你的演讲主题是？")
        .contains("编号 GZ-01");
  }
}
