package dev.cfpbot.channel.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.app.Io;
import dev.cfpbot.app.Main;
import dev.cfpbot.channel.ChannelRegistry;
import dev.cfpbot.testing.TestBot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The skeleton channel, added as one package (and its service line) with no edit elsewhere, runs
 * under the real entry point: the registry finds it, reads its section and environment, and a
 * speaker submits a talk through it.
 */
class EchoChannelTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dataDir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private CompletableFuture<Integer> run(Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>();
    env.put("CFPBOT_CONFIG", TestBot.SHIPPED_CONFIG.toString());
    env.put("CFPBOT_DATA_DIR", dataDir.resolve("data").toString());
    env.putAll(extraEnv);
    Io io =
        new Io(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            Clock.fixed(TestBot.BEFORE_DEADLINE, ZoneOffset.UTC));
    return CompletableFuture.supplyAsync(() -> Main.run(io));
  }

  @Test
  void registry_findsTheEchoChannel() {
    assertThat(ChannelRegistry.installed().names()).contains("echo", "console");
  }

  @Test
  void realEntryPoint_runsTheEchoChannel_aSpeakerSubmits_andTheOrganizerHearsOfIt()
      throws Exception {
    try (FakeEchoPlatform platform = new FakeEchoPlatform()) {
      CompletableFuture<Integer> exit =
          run(Map.of("ECHO_PLATFORM", platform.name(), "ECHO_ORGANIZERS", "org"));
      await().atMost(WAIT).until(() -> err.toString(StandardCharsets.UTF_8).contains("echo"));
      for (String line :
          List.of(
              "/start",
              "张三",
              "运维工程师。",
              "zhangsan_docker",
              "138 0013 8000",
              "从零到生产",
              "介绍我们把单体应用迁移到 Docker 的过程和踩过的坑。",
              "/skip",
              "确认")) {
        platform.send("alice", line);
      }
      await()
          .atMost(WAIT)
          .until(() -> platform.texts("org").size() == 1 && platform.texts("alice").size() == 9);

      assertThat(platform.texts("alice").get(8)).startsWith("✅ 投稿成功！编号 GZ-01\n《从零到生产》已提交给组织者");
      assertThat(platform.texts("org").get(0))
          .startsWith("📥 新投稿 GZ-01 · Techparty 广州 · Docker 技术沙龙");
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("  channels: echo\n");

      platform.close();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void aMistakeInTheEchoSection_isReportedWithTheFileLineAndKey() throws Exception {
    Path config =
        Files.writeString(
            dataDir.resolve("cfp.yaml"),
            Files.readString(TestBot.SHIPPED_CONFIG) + "\necho:\n  organisers: [org]\n");

    int exit = run(Map.of("CFPBOT_CONFIG", config.toString())).get(30, TimeUnit.SECONDS);

    int line = (int) Files.readString(config).lines().count();
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "cfp-bot: configuration error: "
                + config
                + " line "
                + line
                + ": echo: unknown key 'organisers'; expected one of: organizers, platform\n");
  }
}
