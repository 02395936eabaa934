package dev.cfpbot.testkit.wechat;

import dev.cfpbot.testkit.load.BotProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code scripts/wechat-simulate --start-bot}: a fake WeChat API and the real bot ({@code
 * ./cfp-bot}, in safe mode with {@code --aes}, else plain) on a scratch data directory; the
 * simulation against them; the bot stopped; then what {@code ./cfp-bot export} has.
 */
final class SimulatedBot {
  static final String TOKEN = "simulatorToken2027";

  /** WeChat's documented sample EncodingAESKey. */
  static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

  static final String ORGANIZER = "o-simulated-organizer";
  private static final Duration START_UP = Duration.ofSeconds(120);

  private SimulatedBot() {}

  static int run(Map<String, String> options, PrintStream out, PrintStream err) throws Exception {
    Path root = Path.of(System.getProperty("cfpbot.root", ".")).toAbsolutePath().normalize();
    Path launcher = root.resolve("cfp-bot");
    Path scratch = Files.createTempDirectory("cfpbot-wechat-simulate");
    boolean aes = options.containsKey("aes");
    int port = freePort();
    Map<String, String> env;
    int status;
    try (FakeWechatApi api = new FakeWechatApi()) {
      env = env(scratch, api, port, aes);
      try (BotProcess bot = BotProcess.start(launcher, env, scratch.resolve("bot.log"))) {
        if (!healthy(port)) {
          err.println("wechat-simulate: the bot did not come up; see " + scratch + "/bot.log");
          return 1;
        }
        WechatClient wechat =
            new WechatClient(
                URI.create("http://127.0.0.1:" + port + "/wechat"),
                TOKEN,
                aes ? AES_KEY : null,
                FakeWechatApi.APP_ID,
                Clock.systemUTC());
        status = WechatSimulator.simulate(wechat, options, out, bot) ? 0 : 1;
      }
      err.println("fake WeChat API: calls " + api.callCounts());
    }
    List<String> export = export(launcher, env);
    out.println();
    out.println("./cfp-bot export (first lines):");
    export.stream().limit(2).forEach(out::println);
    out.println("submissions exported: " + Math.max(0, export.size() - 1));
    out.println("logs and data: " + scratch);
    return status;
  }

  /** The account's settings, pointing at the fake API; the bot's HTTP server on {@code port}. */
  private static Map<String, String> env(Path scratch, FakeWechatApi api, int port, boolean aes) {
    Map<String, String> env = new HashMap<>();
    env.put("WECHAT_APP_ID", FakeWechatApi.APP_ID);
    env.put("WECHAT_APP_SECRET", FakeWechatApi.SECRET);
    env.put("WECHAT_TOKEN", TOKEN);
    // With --aes the bot runs in safe mode (it then takes encrypted messages only); without, plain.
    env.put("WECHAT_AES_KEY", aes ? AES_KEY : "");
    env.put("WECHAT_API_URL", api.url());
    env.put("WECHAT_ORGANIZERS", ORGANIZER);
    env.put("CFPBOT_HTTP_PORT", Integer.toString(port));
    env.put("CFPBOT_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.put("CFPBOT_DATA_DIR", scratch.resolve("data").toString());
    return env;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Waits until the bot's /health answers 200; false after {@link #START_UP}. */
  private static boolean healthy(int port) {
    HttpClient http = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + port + "/health");
    long deadline = System.nanoTime() + START_UP.toNanos();
    while (System.nanoTime() - deadline < 0) {
      try {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
    }
    return false;
  }

  /** The lines of {@code ./cfp-bot export --format csv} on the bot's data. */
  private static List<String> export(Path launcher, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "export", "--format", "csv");
    builder.environment().putAll(env);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    String csv = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return csv.lines().toList();
  }
}
