package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.testkit.wechat.FakeWechatApi;
import dev.cfpbot.testkit.wechat.WechatSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with WECHAT_* set, as ./cfp-bot runs it, driven by testkit's WechatSimulator
 * (signing requests as WeChat's servers do): in plain mode (no WECHAT_AES_KEY), then restarted in
 * safe mode; then the export, from another run of the jar, shows both submissions.
 */
class WechatEndToEndIT {
  private static final String TITLE = "从零到生产：我们的 Docker 迁移之路";

  private static final String DEBUG = "CFPBOT_LOG_LEVEL";

  @TempDir Path dataDir;
  private final FakeWechatApi api = new FakeWechatApi();
  private WechatJar bot;

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
    api.close();
  }

  record Result(int exit, String out) {}

  private Result run(Path log, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(WechatJar.env(dataDir));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return new Result(process.exitValue(), Files.readString(log));
  }

  /** testkit's simulator (what scripts/wechat-simulate runs) against the bot's /wechat. */
  private Result simulate(String... options) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("--url", bot.wechat().toString(), "--title", TITLE));
    args.addAll(List.of(options));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    int exit =
        WechatSimulator.run(
            args.toArray(String[]::new), WechatJar.env(dataDir), Clock.systemUTC(), print, print);
    return new Result(exit, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void simulatedWechat_submitsInBothModes_andTheExportShowsIt() throws Exception {
    bot =
        WechatJar.start(dataDir, api, Map.of("WECHAT_AES_KEY", "", DEBUG, "DEBUG"), "-Xmx128m")
            .awaitHealthy();
    Result plain = simulate("--openid", "o-plain");
    assertThat(bot.stop()).isTrue();
    String plainLog = bot.log();
    bot = WechatJar.start(dataDir, api, Map.of(DEBUG, "DEBUG"), "-Xmx128m").awaitHealthy();
    Result safe = simulate("--aes", "--openid", "o-safe");

    assertThat(plain.exit()).as(plain.out()).isZero();
    assertThat(plain.out())
        .contains("→ 确认\n← ✅ 投稿成功！编号 GZ-01\n  《" + TITLE + "》已提交给组织者")
        .contains("OK: the receipt came back as the passive reply, with the title.");
    assertThat(safe.exit()).as(safe.out()).isZero();
    assertThat(safe.out()).contains("← ✅ 投稿成功！编号 GZ-02\n  《" + TITLE + "》");
    await().atMost(Duration.ofSeconds(10)).until(() -> api.texts("o-organizer").size() == 2);

    assertThat(bot.stop()).isTrue();
    // Both runs logged at DEBUG: by internal ids, never a follower's openid or answer.
    for (String log : List.of(plainLog, bot.log())) {
      assertThat(log).containsPattern("wechat speaker [0-9a-f-]{36}: REVIEW -> IDLE");
      for (String personal :
          List.of(
              "o-plain",
              "o-safe",
              "o-organizer",
              "张三",
              "zhangsan_docker",
              "13800138000",
              "138 0013 8000",
              TITLE,
              "/upload/",
              "/download/")) {
        assertThat(log).as("the log mentions %s", personal).doesNotContain(personal);
      }
    }
    Result export =
        run(
            dataDir.resolve("export.csv"),
            "java",
            "-jar",
            WechatJar.JAR.toString(),
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
