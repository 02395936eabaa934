package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testkit.wechat.WechatClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP server opens before the channel has its handler (as the application starts them): a
 * callback arriving in between waits for it rather than getting 503, which WeChat would show the
 * follower as "该公众号暂时无法提供服务".
 */
@ExtendWith(StorageExtension.class)
class WechatStartupTest {
  private final TestDatabases databases;

  WechatStartupTest(TestDatabases databases) {
    this.databases = databases;
  }

  @TempDir Path dataDir;

  private WechatTestBot notStarted() {
    return new WechatTestBot(dataDir, Map.of(), Function.identity(), databases.open(), false);
  }

  @Test
  void callbacksBeforeTheChannelStarts_waitForIt_andAreAnswered() {
    try (WechatTestBot t = notStarted()) {
      CompletableFuture<Response> message =
          CompletableFuture.supplyAsync(() -> t.safe.text("o-early", "投稿"));
      CompletableFuture<Response> verification =
          CompletableFuture.supplyAsync(() -> t.safe.verify("early-echo"));
      // Both are still waiting a while later: not answered 503 at once.
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> !message.isDone() && !verification.isDone());

      t.bot.start();

      assertThat(message.join().status()).isEqualTo(200);
      assertThat(message.join().reply()).startsWith("📣 Techparty 广州 · Docker 技术沙龙");
      assertThat(verification.join().status()).isEqualTo(200);
      assertThat(verification.join().body()).isEqualTo("early-echo");
    }
  }

  @Test
  void channelStillNotStartedAfterAboutThreeSeconds_is503() {
    try (WechatTestBot t = notStarted()) {
      long start = System.nanoTime();

      Response reply = t.safe.text("o-too-early", "投稿");

      long waited = (System.nanoTime() - start) / 1_000_000;
      assertThat(reply.status()).isEqualTo(503);
      assertThat(waited).isBetween(2_900L, 10_000L);
      long rows = t.in(tx -> tx.count("count", "select count(*) from inbox"));
      assertThat(rows).isZero();
    }
  }
}
