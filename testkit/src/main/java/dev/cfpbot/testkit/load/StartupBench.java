package dev.cfpbot.testkit.load;

import dev.cfpbot.testkit.FakeTelegram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Start-up alone, many times: the real bot ({@code ./cfp-bot}, the launcher's flags and its class
 * data sharing archive) is started on a new database, some speakers fill it, and it is restarted on
 * that database again and again; each restart's time from the launcher's start to the first
 * getUpdates is printed, then their median. What {@code bench/run}'s "restart on that database"
 * measures once, without the bursts around it. Each restart also finds a speaker's {@code /start}
 * waiting at Telegram (sent while the bot was down), and the time from the launcher's start to the
 * bot's reply to it is printed too: what that speaker waits for, less the downtime.
 *
 * <pre>
 *   java -Dcfpbot.root=ROOT -cp testkit-classpath dev.cfpbot.testkit.load.StartupBench [restarts] [speakers]
 * </pre>
 *
 * defaults: 9 restarts, 300 speakers. The bot's JVM flags are the launcher's unless
 * CFPBOT_JAVA_OPTS is set in this process's environment (the bot inherits it).
 */
public final class StartupBench {
  private StartupBench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("cfpbot.root", ".")).toAbsolutePath().normalize();
    int restarts = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    int speakers = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Path work = Files.createTempDirectory("cfpbot-startup");
    Path data = work.resolve("data");
    Path launcher = root.resolve("cfp-bot");
    System.out.printf(Locale.ROOT, "cfp-bot start-up: %s, logs in %s%n", root, work);
    try (FakeTelegram telegram = new FakeTelegram(Benchmark.TOKEN, "cfp_bench_bot").start(0)) {
      BotProcess bot = BotProcess.start(launcher, env(root, telegram, data), work.resolve("0.log"));
      System.out.printf(
          Locale.ROOT, "new database: %.0f ms%n", Benchmark.startupMillis(telegram, bot));
      new Speakers(telegram, new Latencies()).run(1_000_000L, speakers, Duration.ofMinutes(5));
      bot.close();
    }
    awaitArchive(root);
    List<Double> times = new ArrayList<>();
    List<Double> replies = new ArrayList<>();
    List<Double> cpus = new ArrayList<>();
    for (int i = 1; i <= restarts; i++) {
      // The bot is stopped even when a measurement fails, so that no restart leaves one running.
      try (FakeTelegram telegram =
              new FakeTelegram(Benchmark.TOKEN, "cfp_bench_bot")
                  .updatesFrom(1_000_000 * i)
                  .start(0);
          BotProcess bot = startWaiting(launcher, env(root, telegram, data), telegram, i, work)) {
        double millis = Benchmark.startupMillis(telegram, bot);
        long cpu = bot.cpuMillis();
        double reply = firstReplyMillis(telegram, bot, waitingChat(i));
        times.add(millis);
        replies.add(reply);
        cpus.add((double) cpu);
        System.out.printf(
            Locale.ROOT,
            "restart %d: %.0f ms, bot CPU %d ms, first reply %.0f ms, peak RSS %.1f MB%n",
            i,
            millis,
            cpu,
            reply,
            bot.peakRssMb());
      }
    }
    System.out.println("restarts, to the first getUpdates: " + summary(times, "ms"));
    System.out.println("restarts, bot CPU until then: " + summary(cpus, "ms"));
    System.out.println(
        "restarts, to the reply to the /start sent while down: " + summary(replies, "ms"));
    System.exit(0);
  }

  /** Starts restart {@code i} with a speaker's {@code /start} already waiting: sent while down. */
  private static BotProcess startWaiting(
      Path launcher, Map<String, String> env, FakeTelegram telegram, int i, Path work)
      throws IOException {
    telegram.sendText(waitingChat(i), "/start");
    return BotProcess.start(launcher, env, work.resolve(i + ".log"));
  }

  /** The chat whose {@code /start} waits for restart {@code i}: none of the filling speakers'. */
  private static long waitingChat(int i) {
    return 2_000_000L + i;
  }

  /** Milliseconds from the launcher's start until the bot has answered {@code chat}. */
  private static double firstReplyMillis(FakeTelegram telegram, BotProcess bot, long chat) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (telegram.textsTo(chat).isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "the bot did not answer the waiting /start within a minute");
      }
      // Not a spin: the driver shares the machine's two cores with the bot's start-up.
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return (System.nanoTime() - bot.startedNanos) / 1e6;
  }

  private static String summary(List<Double> values, String unit) {
    List<Double> sorted = values.stream().sorted().toList();
    return String.format(
        Locale.ROOT,
        "median %.0f %s, min %.0f, max %.0f (%d runs)",
        sorted.get(sorted.size() / 2),
        unit,
        sorted.get(0),
        sorted.get(sorted.size() - 1),
        sorted.size());
  }

  private static Map<String, String> env(Path root, FakeTelegram telegram, Path data) {
    return Map.of(
        "CFPBOT_CONFIG",
        root.resolve("config/cfp-bot.yaml").toString(),
        "CFPBOT_DATA_DIR",
        data.toString(),
        "TELEGRAM_BOT_TOKEN",
        Benchmark.TOKEN,
        "TELEGRAM_API_URL",
        telegram.url(),
        "TELEGRAM_RATE_LIMITS",
        "off",
        "CFPBOT_LOG_LEVEL",
        "WARN");
  }

  /**
   * The first start of a build makes its class data sharing archive in the background: the restarts
   * are measured once it is there (as every start after the first one of a build is).
   */
  private static void awaitArchive(Path root) throws InterruptedException {
    Path stamp = root.resolve("bot/target/cfp-bot.jsa.sum");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!Files.exists(stamp) && System.nanoTime() - deadline < 0) {
      Thread.sleep(100);
    }
    System.out.printf(
        Locale.ROOT, "class data sharing archive: %s%n", Files.exists(stamp) ? "made" : "none");
  }
}
