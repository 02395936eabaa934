package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with WECHAT_* set, as ./cfp-bot runs it, driven by scripts/WechatSimulator.java
 * (the script that signs requests like WeChat's servers) in plain and in safe mode; then the
 * export, from another run of the jar, shows both submissions.
 */
class WechatEndToEndIT {
  private static final Path JAR = Path.of(System.getProperty("cfpbot.jar", "target/cfp-bot.jar"));
  private static final Path ROOT = Path.of(System.getProperty("cfpbot.root", ".."));
  private static final String TITLE = "从零到生产：我们的 Docker 迁移之路";

  @TempDir Path dataDir;
  private final FakeWechatApi api = new FakeWechatApi();
  private Process bot;
  private int port;

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder("java", "-Xmx128m", "-jar", JAR.toString());
    builder.environment().putAll(env());
    builder.environment().put("WECHAT_API_URL", api.url());
    builder.environment().put("WECHAT_ORGANIZERS", "o-organizer");
    builder.environment().put("CFPBOT_HTTP_PORT", Integer.toString(port));
    builder.environment().put("CFPBOT_PUBLIC_URL", "http://127.0.0.1:" + port);
    builder.redirectOutput(dataDir.resolve("bot.out").toFile());
    builder.redirectError(dataDir.resolve("bot.err").toFile());
    bot = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + port + "/health");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(health).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                    == 200);
  }

  private Map<String, String> env() {
    return Map.of(
        "CFPBOT_CONFIG", ROOT.resolve("config/cfp-bot.yaml").toString(),
        "CFPBOT_DATA_DIR", dataDir.resolve("data").toString(),
        "WECHAT_APP_ID", FakeWechatApi.APP_ID,
        "WECHAT_APP_SECRET", FakeWechatApi.SECRET,
        "WECHAT_TOKEN", WechatTestBot.TOKEN,
        "WECHAT_AES_KEY", WechatTestBot.AES_KEY);
  }

  @AfterEach
  void stop() throws Exception {
    if (bot.isAlive()) {
      bot.destroy();
      bot.waitFor(30, TimeUnit.SECONDS);
    }
    api.close();
  }

  record Result(int exit, String out) {}

  private Result run(Path log, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return new Result(process.exitValue(), Files.readString(log));
  }

  private Result simulate(String... options) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "java",
                "-Dfile.encoding=UTF-8",
                ROOT.resolve("scripts/WechatSimulator.java").toString(),
                "--url",
                "http://127.0.0.1:" + port + "/wechat",
                "--title",
                TITLE));
    command.addAll(List.of(options));
    return run(
        dataDir.resolve("simulate-" + options.length + ".txt"), command.toArray(String[]::new));
  }

  @Test
  void simulatedWechat_submitsInBothModes_andTheExportShowsIt() throws Exception {
    Result plain = simulate("--openid", "o-plain");
    Result safe = simulate("--aes", "--openid", "o-safe");

    assertThat(plain.exit()).as(plain.out()).isZero();
    assertThat(plain.out())
        .contains("→ 确认\n← ✅ 投稿成功！编号 GZ-01\n  《" + TITLE + "》已提交给组织者")
        .contains("OK: the receipt came back as the passive reply, with the title.");
    assertThat(safe.exit()).as(safe.out()).isZero();
    assertThat(safe.out()).contains("← ✅ 投稿成功！编号 GZ-02\n  《" + TITLE + "》");
    await().atMost(Duration.ofSeconds(10)).until(() -> api.texts("o-organizer").size() == 2);

    bot.destroy();
    assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Result export =
        run(
            dataDir.resolve("export.csv"),
            "java",
            "-jar",
            JAR.toString(),
            "export",
            "--format",
            "csv");

    assertThat(export.exit()).isZero();
    assertThat(export.out())
        .contains("\r\nGZ-01,gz-2027-10-docker,submitted,")
        .contains("\r\nGZ-02,gz-2027-10-docker,submitted,")
        .contains(",wechat,张三,");
  }
}
