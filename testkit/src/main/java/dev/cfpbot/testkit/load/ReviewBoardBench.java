package dev.cfpbot.testkit.load;

import dev.cfpbot.testkit.FakeTelegram;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review board's pages with many proposals: the real bot (./cfp-bot) takes {@code proposals}
 * complete submissions from simulated speakers on the fake Bot API, two organizers score every one
 * of them, then each page is requested many times over loopback. Prints the time per page (median
 * and 90th percentile, which over loopback is the server's time) and its weight, plain and gzipped.
 *
 * <pre>
 *   bench/review-board [proposals] [requests per page]   defaults: 300 30
 * </pre>
 */
public final class ReviewBoardBench {
  static final String TOKEN = "434343:REVIEW-BENCH-token_for-the-fake";
  static final long[] ORGANIZERS = {42, 43};
  private static final Pattern LINK = Pattern.compile("https://cfp\\.example\\.org/(review/\\S+)");

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("cfpbot.root", ".")).toAbsolutePath().normalize();
    int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path work = Files.createTempDirectory("cfpbot-review-bench");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "cfp_bench_bot").start(0)) {
      Map<String, String> env =
          Map.of(
              "CFPBOT_CONFIG",
              root.resolve("config/cfp-bot.yaml").toString(),
              "CFPBOT_DATA_DIR",
              work.resolve("data").toString(),
              "TELEGRAM_BOT_TOKEN",
              TOKEN,
              "TELEGRAM_API_URL",
              telegram.url(),
              "TELEGRAM_RATE_LIMITS",
              "off",
              "TELEGRAM_ORGANIZERS",
              ORGANIZERS[0] + "," + ORGANIZERS[1],
              "CFPBOT_HTTP_PORT",
              Integer.toString(port),
              "CFPBOT_PUBLIC_URL",
              "https://cfp.example.org",
              "CFPBOT_LOG_LEVEL",
              "WARN");
      BotProcess bot = BotProcess.start(root.resolve("cfp-bot"), env, work.resolve("bot.log"));
      int finished =
          new Speakers(telegram, new Latencies())
              .run(5_000_000L, proposals, Duration.ofMinutes(10));
      System.out.printf(Locale.ROOT, "%d proposals submitted; scoring them…%n", finished);
      for (long organizer : ORGANIZERS) {
        for (int n = 1; n <= finished; n++) {
          int score = (int) ((n * organizer) % 4) - 1;
          ask(
              telegram,
              organizer,
              String.format(Locale.ROOT, "/score GZ-%02d %+d 评语 %d", n, score, n));
        }
      }
      String board = "http://127.0.0.1:" + port + "/" + link(telegram);
      System.out.printf(Locale.ROOT, "%d organizers scored every proposal%n%n", ORGANIZERS.length);
      HttpClient http = HttpClient.newHttpClient();
      for (String[] page :
          List.of(
              new String[] {"the list, every proposal", board},
              new String[] {"the list, filtered and searched", board + "?state=UNDECIDED&q=500001"},
              new String[] {"the list, by average score", board + "?sort=AVERAGE"},
              new String[] {"one proposal", board + "/p/GZ-150"})) {
        measure(http, page[0], page[1], requests);
      }
      bot.close();
    }
    System.exit(0);
  }

  /** Sends {@code text} as {@code organizer} and waits for the answer. */
  private static String ask(FakeTelegram telegram, long organizer, String text) {
    int before = telegram.textsTo(organizer).size();
    telegram.sendText(organizer, text);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (telegram.textsTo(organizer).size() <= before) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("no answer to " + text);
      }
      LockSupport.parkNanos(1_000_000); // a spin would take a core from the bot
    }
    return telegram.textsTo(organizer).get(before);
  }

  private static String link(FakeTelegram telegram) {
    Matcher m = LINK.matcher(ask(telegram, ORGANIZERS[0], "/review"));
    if (!m.find()) {
      throw new IllegalStateException("/review gave no link");
    }
    return m.group(1);
  }

  private static void measure(HttpClient http, String name, String url, int requests)
      throws Exception {
    HttpRequest plain = HttpRequest.newBuilder(URI.create(url)).build();
    HttpRequest gzip =
        HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build();
    int bytes = 0;
    for (int i = 0; i < 5; i++) {
      bytes = http.send(plain, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> response = http.send(plain, HttpResponse.BodyHandlers.ofByteArray());
      millis.add((System.nanoTime() - start) / 1e6);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(name + ": HTTP " + response.statusCode());
      }
    }
    int zipped = http.send(gzip, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    Collections.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "%-34s median %6.1f ms, p90 %6.1f ms; %7.1f KB (%.1f KB gzipped)%n",
        name,
        millis.get(millis.size() / 2),
        millis.get((int) Math.ceil(millis.size() * 0.9) - 1),
        bytes / 1024.0,
        zipped / 1024.0);
  }
}
