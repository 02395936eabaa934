package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.testkit.FakeTelegram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log keeps no personal data: the real jar, at its most talkative log level, takes a whole
 * submission with recognisable values, organizer commands and a refused outsider, and its whole log
 * is searched for every one of those values.
 */
class LogPrivacyIT {
  private static final Path JAR = Path.of(System.getProperty("cfpbot.jar", "target/cfp-bot.jar"));
  private static final Path ROOT = Path.of(System.getProperty("cfpbot.root", ".."));
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final String TOKEN = "987654:LeakCheckToken-abcdefghijklmnopqrstuv";
  private static final long SPEAKER = 4242424242L;
  private static final long ORGANIZER = 6161616161L;
  private static final long OUTSIDER = 5151515151L;
  private static final long GROUP = -1009191919191L;

  /** What the speaker types, each recognisable in a log. */
  private static final List<String> ANSWERS =
      List.of(
          "Zhang LeakCheck",
          "Bio-Marker-7731 运维工程师",
          "wx_leakcheck_9",
          "+86 138 1234 5678",
          "Title-Marker-5518 从零到生产",
          "Abstract-Marker-3390 我们的迁移之路");

  @TempDir Path dataDir;

  @Test
  void jar_debugLog_carriesNoAnswerPhoneIdTokenOrLink() throws Exception {
    String token = null;
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "cfp_test_bot").start(0)) {
      ProcessBuilder builder =
          new ProcessBuilder("java", "-Xmx128m", "-jar", JAR.toString())
              .redirectOutput(dataDir.resolve("stdout.txt").toFile())
              .redirectError(dataDir.resolve("stderr.txt").toFile());
      // The shipped config, with decisions told at once: the note must reach the speaker here.
      Path config = dataDir.resolve("cfp-bot.yaml");
      Files.writeString(
          config,
          Files.readString(ROOT.resolve("config/cfp-bot.yaml"))
              .replace(
                  "  digest_time: \"09:00\"", "  digest_time: \"09:00\"\n  decision_delay: 0m"));
      int port;
      try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
        port = free.getLocalPort();
      }
      builder.environment().put("CFPBOT_CONFIG", config.toString());
      builder.environment().put("CFPBOT_DATA_DIR", dataDir.resolve("data").toString());
      builder.environment().put("CFPBOT_LOG_LEVEL", "DEBUG");
      builder.environment().put("CFPBOT_HTTP_PORT", Integer.toString(port));
      builder.environment().put("CFPBOT_PUBLIC_URL", "https://cfp.example.org");
      builder.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
      builder.environment().put("TELEGRAM_API_URL", telegram.url());
      builder.environment().put("TELEGRAM_ORGANIZER_CHAT", Long.toString(GROUP));
      builder.environment().put("TELEGRAM_ORGANIZERS", Long.toString(ORGANIZER));
      builder.environment().put("TELEGRAM_RATE_LIMITS", "off");
      Process bot = builder.start();
      try {
        IntSupplier toSpeaker = () -> telegram.textsTo(SPEAKER).size();
        step(toSpeaker, () -> telegram.sendText(SPEAKER, "/start"));
        for (String answer : ANSWERS) {
          step(toSpeaker, () -> telegram.sendText(SPEAKER, answer));
        }
        // Too large for a bot to fetch: the reply carries a personal upload link.
        step(toSpeaker, () -> telegram.sendLargeDocument(SPEAKER, "slides.pdf", 30_000_000));
        step(toSpeaker, () -> telegram.sendText(SPEAKER, "/skip"));
        step(toSpeaker, () -> telegram.sendText(SPEAKER, "确认"));
        await()
            .atMost(WAIT)
            .until(() -> telegram.textsTo(SPEAKER).stream().anyMatch(t -> t.contains("GZ-01")));

        IntSupplier toGroup = () -> telegram.sentTo(Long.toString(GROUP)).size();
        step(toGroup, () -> telegram.sendText(GROUP, ORGANIZER, "/export", "zh-hans"));
        step(
            toGroup,
            () -> telegram.sendText(GROUP, ORGANIZER, "/accept GZ-01 Note-Marker-1212", "zh-hans"));
        step(toGroup, () -> telegram.sendText(GROUP, OUTSIDER, "/export", "zh-hans"));
        // The review board: a score with a comment, the personal link, its pages, a forged link.
        IntSupplier toOrganizer = () -> telegram.textsTo(ORGANIZER).size();
        step(
            toOrganizer, () -> telegram.sendText(ORGANIZER, "/score GZ-01 +2 Comment-Marker-4411"));
        step(toOrganizer, () -> telegram.sendText(ORGANIZER, "/review"));
        String reply = telegram.textsTo(ORGANIZER).get(telegram.textsTo(ORGANIZER).size() - 1);
        String board =
            reply
                .replaceAll("(?s).*(https://cfp\\.example\\.org/review/\\S+).*", "$1")
                .replace("https://cfp.example.org", "http://127.0.0.1:" + port);
        token = board.substring(board.lastIndexOf('/') + 1);
        var http = java.net.http.HttpClient.newHttpClient();
        for (String page : List.of(board, board + "/p/GZ-01", board + "x")) {
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(page)).build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
        }
        await()
            .atMost(WAIT)
            .until(
                () -> telegram.textsTo(SPEAKER).stream().anyMatch(t -> t.contains("Note-Marker")));
      } finally {
        bot.destroy();
        assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("the bot stops on SIGTERM").isTrue();
      }
    }

    String log = Files.readString(dataDir.resolve("stderr.txt"));
    // The log did record the run, by internal ids: the search below has something to search.
    assertThat(log)
        .contains(" DEBUG ")
        .contains("organizer command /accept on telegram")
        .contains("refused organizer command /export on telegram: not an organizer")
        .contains("organizer command /score on telegram")
        .contains("review board: refused a link that is forged, expired or revoked")
        .containsPattern("telegram speaker [0-9a-f-]{36}: REVIEW -> IDLE");
    for (String value :
        List.of(
            "LeakCheck",
            "Bio-Marker",
            "wx_leakcheck",
            "13812345678",
            "138 1234 5678",
            "Title-Marker",
            "Abstract-Marker",
            "Note-Marker",
            Long.toString(SPEAKER),
            Long.toString(ORGANIZER),
            Long.toString(OUTSIDER),
            Long.toString(GROUP).substring(1),
            "LeakCheckToken",
            "/upload/",
            "/download/",
            "/review/",
            "Comment-Marker",
            token.substring(0, 20))) {
      assertThat(log).as("the log mentions %s", value).doesNotContain(value);
    }
  }

  /** Does {@code action} and waits until {@code count} has grown: the bot answered it. */
  private static void step(IntSupplier count, Runnable action) {
    int before = count.getAsInt();
    action.run();
    await().atMost(WAIT).until(() -> count.getAsInt() > before);
  }
}
