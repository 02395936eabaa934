package dev.cfpbot.testkit.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfpbot.testkit.FakeTelegram;
import dev.cfpbot.testkit.SentMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * kill -9 in the middle of a burst: speakers are part-way through the form when the bot dies
 * without warning; it starts again on the same data, and every speaker must finish, no answer may
 * be lost, and no receipt or organizer alert may go out twice (but for a message whose send was in
 * flight at the crash: counted and reported).
 *
 * <pre>
 *   bench/crash-drill [speakers]        default 300; exit status 0 when everything held
 * </pre>
 */
public final class CrashDrill {
  static final String TOKEN = "434343:CRASH-token_for-the-fake";
  static final long ORGANIZERS = -100200300L;
  static final long FIRST_CHAT = 5_000_000L;

  private static final java.util.regex.Pattern RESENT =
      java.util.regex.Pattern.compile(
          "outbox: (\\d+) messages were being sent when the last run stopped");

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("cfpbot.root", ".")).toAbsolutePath().normalize();
    int speakers = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Path work = Files.createTempDirectory("cfpbot-crash");
    boolean ok = run(root, work, speakers);
    System.exit(ok ? 0 : 1);
  }

  static boolean run(Path root, Path work, int speakers) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("CFPBOT_CONFIG", root.resolve("config/cfp-bot.yaml").toString());
    env.put("CFPBOT_DATA_DIR", work.resolve("data").toString());
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_ORGANIZER_CHAT", Long.toString(ORGANIZERS));
    env.put("TELEGRAM_RATE_LIMITS", "off");
    env.put("CFPBOT_LOG_LEVEL", "WARN");
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "cfp_crash_bot").start(0)) {
      env.put("TELEGRAM_API_URL", telegram.url());
      Path launcher = root.resolve("cfp-bot");
      BotProcess bot = BotProcess.start(launcher, env, work.resolve("bot.log"));
      Speakers driver = new Speakers(telegram, new Latencies());
      driver.begin(FIRST_CHAT, speakers);
      int crashAt = speakers * Speakers.TURNS * 2 / 5;
      while (driver.turns() < crashAt) {
        LockSupport.parkNanos(1_000_000); // a spin would take a core from the bot
      }
      bot.kill();
      int turnsAtCrash = driver.turns();
      System.out.printf(
          Locale.ROOT,
          "killed the bot (kill -9) after %d of %d turns%n",
          turnsAtCrash,
          speakers * Speakers.TURNS);
      BotProcess restarted = BotProcess.start(launcher, env, work.resolve("bot.log"));
      int finished = driver.await(Duration.ofMinutes(5));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (alerts(telegram).size() < speakers && System.nanoTime() < deadline) {
        LockSupport.parkNanos(1_000_000); // a spin would take a core from the bot
      }
      restarted.close();

      List<String> alertTexts = alerts(telegram).stream().map(SentMessage::text).toList();
      long uniqueAlerts =
          alertTexts.stream().map(t -> t.substring(0, t.indexOf(' ', 9))).distinct().count();
      int duplicateAlerts = alertTexts.size() - (int) uniqueAlerts;
      int complete = completeInExport(launcher, env, work, speakers);
      System.out.printf(Locale.ROOT, "speakers who got their receipt: %d/%d%n", finished, speakers);
      System.out.printf(
          Locale.ROOT, "submissions in the export with every answer: %d/%d%n", complete, speakers);
      System.out.printf(
          Locale.ROOT,
          "organizer alerts: %d for %d proposals (%d sent twice)%n",
          alertTexts.size(),
          uniqueAlerts,
          duplicateAlerts);
      System.out.printf(Locale.ROOT, "replies to speakers sent twice: %d%n", driver.duplicates());
      int twice = duplicateAlerts + driver.duplicates();
      int inFlight = inFlightAtCrash(work.resolve("bot.log"));
      System.out.printf(
          Locale.ROOT,
          "messages in flight at the crash (claimed, not yet recorded as sent): %d%n",
          inFlight);
      boolean ok =
          finished == speakers
              && complete == speakers
              && uniqueAlerts == speakers
              && twice <= inFlight;
      System.out.println(
          ok
              ? "crash drill passed: nothing lost, and only messages in flight at the crash went out"
                  + " twice"
              : "crash drill FAILED");
      return ok;
    }
  }

  /** What the restarted bot said it sends again: the messages claimed but not recorded. */
  private static int inFlightAtCrash(Path log) throws java.io.IOException {
    java.util.regex.Matcher m = RESENT.matcher(Files.readString(log));
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static List<SentMessage> alerts(FakeTelegram telegram) {
    return telegram.sentTo(Long.toString(ORGANIZERS)).stream()
        .filter(m -> m.text() != null && m.text().startsWith("📥"))
        .toList();
  }

  /** Exports with ./cfp-bot export and counts submissions whose six answers are all there. */
  private static int completeInExport(
      Path launcher, Map<String, String> env, Path work, int speakers) throws Exception {
    Path out = work.resolve("export.json");
    ProcessBuilder export =
        new ProcessBuilder(
            launcher.toString(), "export", "--format", "json", "--out", out.toString());
    export.environment().putAll(env);
    export
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("bot.log").toFile()));
    export.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    if (export.start().waitFor() != 0) {
      return -1;
    }
    JsonNode items = new ObjectMapper().readTree(out.toFile());
    int complete = 0;
    for (JsonNode item : items) {
      JsonNode a = item.path("answers");
      boolean all = true;
      for (String field : new String[] {"name", "bio", "wechat", "phone", "title", "abstract"}) {
        all &= a.hasNonNull(field);
      }
      if (all && a.path("title").asText().startsWith("演讲 ")) {
        complete++;
      }
    }
    return complete;
  }
}
