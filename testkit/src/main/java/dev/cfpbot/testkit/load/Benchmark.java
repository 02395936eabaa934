package dev.cfpbot.testkit.load;

import com.sun.management.OperatingSystemMXBean;
import dev.cfpbot.testkit.FakeTelegram;
import dev.cfpbot.testkit.PostgresServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The performance figures of the README: the real bot (./cfp-bot) against the fake Bot API on
 * loopback, with simulated speakers going through complete submissions.
 *
 * <pre>
 *   bench/run [speakers] [fan-out chats] [phases]   defaults: 300 1000 throughput,limits,fanout
 * </pre>
 */
public final class Benchmark {
  static final String TOKEN = "424242:BENCH-token_for-the-fake";

  /**
   * {@code -Dcfpbot.bench.db=postgres} (through BENCH_JAVA_OPTS): the bot stores in the embedded
   * PostgreSQL the tests use, on loopback, rather than an H2 file.
   */
  private static final boolean POSTGRES = "postgres".equals(System.getProperty("cfpbot.bench.db"));

  private final Map<Path, PostgresServer.Database> databases = new HashMap<>();

  private final Path root;
  private final Path work;
  private final int speakers;
  private final int fanOut;
  private final String phases;

  private Benchmark(Path root, Path work, int speakers, int fanOut, String phases) {
    this.root = root;
    this.work = work;
    this.speakers = speakers;
    this.fanOut = fanOut;
    this.phases = phases;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("cfpbot.root", ".")).toAbsolutePath().normalize();
    int speakers = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int fanOut = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    String phases = args.length > 2 ? args[2] : "throughput,limits,fanout";
    Path work = Files.createTempDirectory("cfpbot-bench");
    new Benchmark(root, work, speakers, fanOut, phases).run();
    System.exit(0);
  }

  private void run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "cfp-bot benchmark: %d speakers, %s, logs in %s%n%n",
        speakers,
        POSTGRES ? "embedded PostgreSQL on loopback" : "H2 file database",
        work);
    if (phases.contains("throughput")) {
      throughput();
    }
    if (phases.contains("limits")) {
      withTelegramLimits();
    }
    if (phases.contains("fanout")) {
      fanOut();
    }
  }

  private Map<String, String> env(FakeTelegram telegram, Path data, boolean limits) {
    Map<String, String> env = new HashMap<>();
    env.put("CFPBOT_CONFIG", root.resolve("config/cfp-bot.yaml").toString());
    env.put("CFPBOT_DATA_DIR", data.toString());
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_API_URL", telegram.url());
    env.put("TELEGRAM_RATE_LIMITS", limits ? "on" : "off");
    env.put("CFPBOT_LOG_LEVEL", "WARN");
    if (POSTGRES) {
      // One database per data directory, kept for the restart on it.
      PostgresServer.Database db =
          databases.computeIfAbsent(data, d -> PostgresServer.newDatabase());
      env.put("CFPBOT_DB_URL", db.url());
      env.put("CFPBOT_DB_USER", db.user());
      env.put("CFPBOT_DB_PASSWORD", db.password());
    }
    return env;
  }

  /** Cold and warm bursts without Telegram's limits: how fast the bot itself is. */
  private void throughput() throws Exception {
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "cfp_bench_bot").start(0)) {
      BotProcess bot =
          BotProcess.start(
              root.resolve("cfp-bot"),
              env(telegram, work.resolve("data-1"), false),
              work.resolve("bot-1.log"));
      System.out.printf(
          Locale.ROOT,
          "start-up to the first getUpdates, new database: %.0f ms%n",
          startupMillis(telegram, bot));
      burst("cold", telegram, bot, 1_000_000L);
      burst("warm", telegram, bot, 2_000_000L);
      System.out.printf(Locale.ROOT, "peak RSS of the bot: %.1f MB%n", bot.peakRssMb());
      bot.close();
    }
    restart(work.resolve("data-1"));
  }

  /** Start-up again on the database the bursts filled: how a running call usually starts. */
  private void restart(Path data) throws Exception {
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "cfp_bench_bot").start(0)) {
      BotProcess bot =
          BotProcess.start(
              root.resolve("cfp-bot"), env(telegram, data, false), work.resolve("bot-1-again.log"));
      System.out.printf(
          Locale.ROOT,
          "start-up to the first getUpdates, restart on that database: %.0f ms%n%n",
          startupMillis(telegram, bot));
      bot.close();
    }
  }

  static double startupMillis(FakeTelegram telegram, BotProcess bot) throws InterruptedException {
    long arrived = telegram.awaitFirstGetUpdates(Duration.ofMinutes(1));
    return (arrived - bot.startedNanos) / 1e6;
  }

  private void burst(String name, FakeTelegram telegram, BotProcess bot, long firstChat)
      throws Exception {
    Latencies latencies = new Latencies();
    Speakers driver = new Speakers(telegram, latencies);
    long cpuBefore = bot.cpuMillis();
    long driverCpuBefore = driverCpuNanos();
    long start = System.nanoTime();
    int finished = driver.run(firstChat, speakers, Duration.ofMinutes(5));
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpu = bot.cpuMillis() - cpuBefore;
    long driverCpu = driverCpuNanos() - driverCpuBefore;
    int turns = driver.turns();
    System.out.printf(
        Locale.ROOT,
        "%s: %d/%d speakers finished, %d turns in %.2f s = %.0f turns/s; reply latency %s; bot CPU %.3f ms/turn (the driver's %.3f)%n",
        name,
        finished,
        speakers,
        turns,
        seconds,
        turns / seconds,
        latencies.summary(),
        (double) cpu / turns,
        driverCpu / 1e6 / turns);
  }

  /**
   * This process's CPU: the fake Telegram and the speakers share the machine with the bot, so a
   * burst's turns per second are bounded by both their costs.
   */
  private static long driverCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The same with Telegram's limits kept by the fake (429 beyond them) and by the bot. */
  private void withTelegramLimits() throws Exception {
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "cfp_bench_bot").start(0)) {
      telegram.faults().enforceLimits(true);
      BotProcess bot =
          BotProcess.start(
              root.resolve("cfp-bot"),
              env(telegram, work.resolve("data-2"), true),
              work.resolve("bot-2.log"));
      Latencies latencies = new Latencies();
      Speakers driver = new Speakers(telegram, latencies);
      // From the first getUpdates, as the bursts above: the speakers of a running call do not
      // arrive while the bot starts, and the bursts' CPU per turn leaves start-up out too. (Until
      // 2026-11-30 this run started at the launch: start-up, 3-8 s on a busy machine, was counted
      // in its time and its CPU; both are still printed, "with start-up".)
      long cpuAtLaunch = bot.cpuMillis();
      double startup = startupMillis(telegram, bot) / 1e3;
      long cpuBefore = bot.cpuMillis();
      long start = System.nanoTime();
      int finished = driver.run(3_000_000L, speakers, Duration.ofMinutes(10));
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpu = bot.cpuMillis() - cpuBefore;
      long cpuWithStartup = bot.cpuMillis() - cpuAtLaunch;
      int replies = telegram.sent().size();
      double shortest = replies / 30.0;
      int turns = Math.max(1, driver.turns());
      System.out.printf(
          Locale.ROOT,
          "with Telegram's limits: %d/%d speakers finished in %.1f s; %d replies (%.1f per"
              + " submission) need at least %.1f s at 30/s (%.1f%% over); bot CPU %.3f ms/turn;"
              + " 429s: %s; with start-up (%.1f s): %.1f%% over, %.3f ms/turn; reply latency"
              + " %s%n%n",
          finished,
          speakers,
          seconds,
          replies,
          (double) replies / Math.max(1, finished),
          shortest,
          (seconds / shortest - 1) * 100,
          (double) cpu / turns,
          refusals(telegram),
          startup,
          ((seconds + startup) / shortest - 1) * 100,
          (double) cpuWithStartup / turns,
          latencies.summary());
      bot.close();
    }
  }

  /** How many calls the fake refused for the limits, and which limit each time. */
  private static String refusals(FakeTelegram telegram) {
    List<String> which = telegram.faults().refusals();
    return which.isEmpty() ? "0" : which.size() + " (" + String.join("; ", which) + ")";
  }

  /**
   * An announcement to many speakers' chats, against Telegram's 30 messages a second: the speakers
   * start a draft with the limits off, then the bot restarts with them on (one fake Bot API
   * throughout: Telegram never reuses an update id) and an organizer sends the announcement.
   */
  private void fanOut() throws Exception {
    Path data = work.resolve("data-3");
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "cfp_bench_bot").start(0)) {
      Map<String, String> env = env(telegram, data, false);
      env.put("TELEGRAM_ORGANIZERS", "42");
      BotProcess setup = BotProcess.start(root.resolve("cfp-bot"), env, work.resolve("bot-3.log"));
      new Speakers(telegram, new Latencies()).startOnly(4_000_000L, fanOut, Duration.ofMinutes(5));
      setup.close();

      telegram.faults().enforceLimits(true);
      env.put("TELEGRAM_RATE_LIMITS", "on");
      BotProcess bot = BotProcess.start(root.resolve("cfp-bot"), env, work.resolve("bot-4.log"));
      CountDownLatch delivered = new CountDownLatch(fanOut);
      telegram.onSent(
          m -> {
            if (m.text() != null && m.text().startsWith("地点已确定")) {
              delivered.countDown();
            }
          });
      long start = System.nanoTime();
      telegram.sendText(42, "/announce speakers 地点已确定：广州天河区某某大厦 3 楼");
      if (!delivered.await(Long.getLong("cfpbot.bench.wait", 600), TimeUnit.SECONDS)) {
        System.out.println("the organizer was told: " + telegram.textsTo(42));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "fan-out of an announcement to %d chats: %.1f s from the organizer's command to the last"
              + " message; Telegram's 30 messages/s allow %.1f s at best; 429s: %s%n",
          fanOut - delivered.getCount(),
          seconds,
          fanOut / 30.0,
          refusals(telegram));
      bot.close();
    }
  }

  static void deleteQuietly(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
