package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testkit.wechat.FakeWechatApi;
import dev.cfpbot.testkit.wechat.WechatSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/wechat-simulate}'s simulator against the real channel: a follower's submission
 * shown message by message, and a crowd measured, in plain and safe mode.
 */
@ExtendWith(StorageExtension.class)
class WechatSimulatorTest {
  private final TestDatabases databases;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path dataDir;
  private WechatTestBot t;

  WechatSimulatorTest(TestDatabases databases) {
    this.databases = databases;
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private int simulate(String... args) throws Exception {
    return WechatSimulator.run(
        args,
        Map.of(),
        t.clock,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainMode_oneFollower_submits_andTheReceiptIsThePassiveReply() throws Exception {
    t = WechatTestBot.plainMode(databases, dataDir);

    int exit =
        simulate("--url", t.base() + "/wechat", "--token", WechatTestBot.TOKEN, "--title", "镜像瘦身");

    assertThat(exit).isZero();
    assertThat(out()).startsWith("→ [subscribe]\n← ");
    assertThat(out())
        .contains("→ 确认\n← ✅ 投稿成功！编号 GZ-01\n  《镜像瘦身》已提交给组织者")
        .endsWith("OK: the receipt came back as the passive reply, with the title.\n");
  }

  @Test
  void safeMode_crowdOfFive_allSubmit_andTheLatencyIsReported() throws Exception {
    t = new WechatTestBot(databases, dataDir);

    int exit =
        simulate(
            "--url",
            t.base() + "/wechat",
            "--token",
            WechatTestBot.TOKEN,
            "--aes",
            "--aes-key",
            WechatTestBot.AES_KEY,
            "--app-id",
            FakeWechatApi.APP_ID,
            "--followers",
            "5");

    assertThat(exit).isZero();
    assertThat(out())
        .startsWith(
            "driver warm-up: 200 followers, 2000 replies from an echo in the simulator's own JVM"
                + " (the bot saw none of it)\n"
                + "5 followers (no pause between messages), 50 passive replies in ")
        .contains("; 0 followers failed\npassive reply latency: p50 ")
        .endsWith("every passive reply within 5 s\n");
  }

  @Test
  void aStrayArgument_isRefusedWithTheUsage() throws Exception {
    t = WechatTestBot.plainMode(databases, dataDir);

    assertThat(simulate("followers")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("wechat-simulate: unexpected 'followers'\nUsage: scripts/wechat-simulate");
  }
}
