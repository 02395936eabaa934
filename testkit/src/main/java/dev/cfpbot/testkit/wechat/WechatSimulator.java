package dev.cfpbot.testkit.wechat;

import dev.cfpbot.testkit.load.BotProcess;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays WeChat's servers against cfp-bot's {@code /wechat}: signed callbacks, in plain or safe
 * (AES) mode, a follower at a time or many at once; prints the passive replies or their latency.
 * Run by {@code scripts/wechat-simulate}; {@code --start-bot} first starts a fake WeChat API and
 * {@code ./cfp-bot} ({@link SimulatedBot}).
 */
public final class WechatSimulator {
  static final String HELP =
      String.join(
          "\n",
          "Usage: scripts/wechat-simulate [options]",
          "  --start-bot        start a fake WeChat API and ./cfp-bot on a scratch data directory,",
          "                     simulate against them, show the export, and stop both",
          "  --url URL          the bot's callback (default http://127.0.0.1:8080/wechat)",
          "  --token T          the callback token (default $WECHAT_TOKEN)",
          "  --aes              safe mode: encrypt requests, decrypt replies",
          "  --aes-key K        the EncodingAESKey (default $WECHAT_AES_KEY)",
          "  --app-id A         the app id (default $WECHAT_APP_ID)",
          "  --followers N      N followers submit at once, and latency is reported (default 1)",
          "  --think MS         each follower pauses up to MS ms (at random) between messages",
          "  --warm-up N        first let N followers submit, unmeasured (a JVM runs faster warm)",
          "  --title T          the talk title to submit",
          "  --openid ID        the (first) follower's openid (default o-sim-<time>)",
          "Exit status: 0 when every follower got every reply and the receipt with the title.");

  private static final List<String> FLAGS = List.of("aes", "help", "start-bot");

  private WechatSimulator() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.getenv(), Clock.systemUTC(), System.out, System.err));
  }

  /**
   * Runs the simulator; returns the exit status.
   *
   * @param clock WeChat's clock, which signs the callbacks (the bot refuses them five minutes off
   *     its own)
   */
  public static int run(
      String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err)
      throws Exception {
    Map<String, String> o = options(args, err);
    if (o == null) {
      return 2;
    }
    if (o.containsKey("help")) {
      out.println(HELP);
      return 0;
    }
    if (o.containsKey("start-bot")) {
      return SimulatedBot.run(o, out, err);
    }
    boolean aes = o.containsKey("aes");
    String token = o.getOrDefault("token", env.getOrDefault("WECHAT_TOKEN", ""));
    String key = o.getOrDefault("aes-key", env.getOrDefault("WECHAT_AES_KEY", ""));
    String appId = o.getOrDefault("app-id", env.getOrDefault("WECHAT_APP_ID", ""));
    if (token.isEmpty() || (aes && (key.length() != 43 || appId.isEmpty()))) {
      err.println("wechat-simulate: set --token (and for --aes, --aes-key and --app-id)");
      return 2;
    }
    URI url = URI.create(o.getOrDefault("url", "http://127.0.0.1:8080/wechat"));
    WechatClient wechat = new WechatClient(url, token, aes ? key : null, appId, clock);
    return simulate(wechat, o, out, null) ? 0 : 1;
  }

  /**
   * One follower, shown message by message; or a crowd, measured (after a warm-up crowd).
   *
   * @param bot the bot's process when the simulator started it (its CPU and peak RSS are then
   *     printed); null: a bot running elsewhere
   */
  static boolean simulate(
      WechatClient wechat, Map<String, String> o, PrintStream out, BotProcess bot)
      throws Exception {
    int followers = Integer.parseInt(o.getOrDefault("followers", "1"));
    int think = Integer.parseInt(o.getOrDefault("think", "0"));
    int warmUp = Integer.parseInt(o.getOrDefault("warm-up", "0"));
    String title = o.getOrDefault("title", "从零到生产：我们的 Docker 迁移之路");
    String openid = o.getOrDefault("openid", "o-sim-" + Long.toString(System.nanoTime(), 36));
    Crowd crowd = new Crowd(wechat, out, bot);
    if (followers > 1 || warmUp > 0) {
      int replies = DriverWarmUp.run(wechat, DriverWarmUp.FOLLOWERS);
      out.println(
          "driver warm-up: "
              + DriverWarmUp.FOLLOWERS
              + " followers, "
              + replies
              + " replies from an echo in the simulator's own JVM (the bot saw none of it)");
    }
    if (warmUp > 0) {
      long cpu = crowd.cpuMillis();
      List<Follower.Run> warm = crowd.run(openid + "-warm", title, warmUp, 0);
      warm.stream()
          .filter(r -> !r.ok())
          .forEach(r -> out.println("warm-up FAILED " + r.openid() + ": " + r.problem()));
      long failed = warm.stream().filter(r -> !r.ok()).count();
      out.println(
          "warm-up: " + warmUp + " followers submitted (" + failed + " failed), not measured");
      crowd.printBot("warm-up", cpu, warm.stream().mapToInt(r -> r.steps().size()).sum());
    }
    if (followers == 1 && warmUp == 0) {
      return new Follower(wechat, openid, title, think, out).call().ok();
    }
    return crowd.measure(openid, title, followers, think);
  }

  /** {@code --name value} pairs and {@code --flag}s; null (after saying why) for anything else. */
  static Map<String, String> options(String[] args, PrintStream err) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        err.println("wechat-simulate: unexpected '" + args[i] + "'\n" + HELP);
        return null;
      }
      String name = args[i].substring(2);
      boolean flag = FLAGS.contains(name);
      o.put(name, flag ? "true" : (i + 1 < args.length ? args[++i] : ""));
    }
    return o;
  }
}
