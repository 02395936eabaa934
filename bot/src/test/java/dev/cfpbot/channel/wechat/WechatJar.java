package dev.cfpbot.channel.wechat;

import static org.awaitility.Awaitility.await;

import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.wechat.FakeWechatApi;
import dev.cfpbot.testkit.wechat.WechatClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar as its own process, the way ./cfp-bot runs it, with WECHAT_* set and the WeChat
 * API played by a {@link FakeWechatApi}: for what only a real process shows (start-up, memory).
 */
final class WechatJar implements AutoCloseable {
  static final Path JAR = Path.of(System.getProperty("cfpbot.jar", "target/cfp-bot.jar"));

  private final Path dir;
  private final int port;
  private final Process process;

  private WechatJar(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /**
   * What every run of the jar (the bot, the export, the simulator) is given: the shipped config,
   * the data directory under {@code dir}, and the account's settings, in safe mode.
   */
  static Map<String, String> env(Path dir) {
    Map<String, String> env = new HashMap<>();
    // The jar runs on the system's clock: no daily digest among the organizers' messages.
    env.put("CFPBOT_CONFIG", TestBot.shippedConfigWithoutDigest().toString());
    env.put("CFPBOT_DATA_DIR", dir.resolve("data").toString());
    env.put("WECHAT_APP_ID", FakeWechatApi.APP_ID);
    env.put("WECHAT_APP_SECRET", FakeWechatApi.SECRET);
    env.put("WECHAT_TOKEN", WechatTestBot.TOKEN);
    env.put("WECHAT_AES_KEY", WechatTestBot.AES_KEY);
    return env;
  }

  /**
   * Starts the bot on a free port; returns at once (the port may not be open yet).
   *
   * @param more settings on top of {@link #env}
   * @param javaFlags the JVM's flags (heap size...)
   */
  static WechatJar start(Path dir, FakeWechatApi api, Map<String, String> more, String... javaFlags)
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(List.of(javaFlags));
    command.addAll(List.of("-jar", JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env(dir));
    builder.environment().put("WECHAT_API_URL", api.url());
    builder.environment().put("WECHAT_ORGANIZERS", "o-organizer");
    builder.environment().put("CFPBOT_HTTP_PORT", Integer.toString(port));
    builder.environment().put("CFPBOT_PUBLIC_URL", "http://127.0.0.1:" + port);
    builder.environment().putAll(more);
    builder.redirectOutput(dir.resolve("bot.out").toFile());
    builder.redirectError(dir.resolve("bot.err").toFile());
    return new WechatJar(dir, port, builder.start());
  }

  URI wechat() {
    return URI.create("http://127.0.0.1:" + port + "/wechat");
  }

  /** WeChat's servers, signing with the system clock, in safe mode or ({@code aes} false) plain. */
  WechatClient client(boolean aes) {
    return new WechatClient(
        wechat(),
        WechatTestBot.TOKEN,
        aes ? WechatTestBot.AES_KEY : null,
        FakeWechatApi.APP_ID,
        Clock.systemUTC());
  }

  /** Waits until /health answers 200. */
  WechatJar awaitHealthy() {
    HttpClient http = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + port + "/health");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(health).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                    == 200);
    return this;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the bot wrote to standard error so far. */
  String log() {
    try {
      return Files.readString(dir.resolve("bot.err"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM, and waits for the bot to stop; returns whether it did. */
  boolean stop() throws InterruptedException {
    process.destroy();
    return process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive() && !stop()) {
      process.destroyForcibly();
    }
  }
}
