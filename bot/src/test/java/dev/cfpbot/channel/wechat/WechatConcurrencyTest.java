package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testkit.wechat.WechatClient;
import dev.cfpbot.testkit.wechat.WechatClient.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Followers submitting at the same time each get every passive reply well inside WeChat's five
 * seconds (the 200-follower load is scripts/wechat-simulate's job).
 */
@ExtendWith(StorageExtension.class)
class WechatConcurrencyTest {
  private final TestDatabases databases;

  WechatConcurrencyTest(TestDatabases databases) {
    this.databases = databases;
  }

  private static final int FOLLOWERS = 20;

  @TempDir Path dataDir;
  private WechatTestBot t;

  @AfterEach
  void stop() {
    t.close();
  }

  /** In safe mode (encrypted, the default) and in plain mode. */
  @ParameterizedTest(name = "safe mode: {0}")
  @ValueSource(booleans = {true, false})
  void twentyFollowersAtOnce_allSubmit_andEveryReplyIsQuick(boolean safeMode) throws Exception {
    t =
        safeMode
            ? new WechatTestBot(databases, dataDir)
            : WechatTestBot.plainMode(databases, dataDir);
    ExecutorService pool = Executors.newFixedThreadPool(FOLLOWERS);
    List<Future<List<Long>>> runs = new ArrayList<>();
    for (int i = 0; i < FOLLOWERS; i++) {
      String openid = "o-follower-" + i;
      WechatClient client = safeMode ? t.safe : t.plain;
      runs.add(pool.submit(() -> follow(client, openid)));
    }
    List<Long> millis = new ArrayList<>();
    for (Future<List<Long>> run : runs) {
      millis.addAll(run.get());
    }
    pool.shutdown();

    assertThat(millis).hasSize(FOLLOWERS * 10);
    assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(5_000L));
    long submitted =
        t.in(tx -> (long) t.storage.submissions().listSubmitted(tx, "gz-2027-10-docker").size());
    assertThat(submitted).isEqualTo(FOLLOWERS);
  }

  /** Follows, submits, and returns how long each passive reply took. */
  private static List<Long> follow(WechatClient client, String openid) {
    List<Long> millis = new ArrayList<>();
    long start = System.nanoTime();
    Response welcome = client.post(WechatClient.eventXml(openid, "subscribe", null, client.now()));
    millis.add((System.nanoTime() - start) / 1_000_000);
    assertThat(welcome.reply()).startsWith("感谢关注！");
    List<String> messages = new ArrayList<>(List.of("投稿"));
    messages.addAll(WechatCallbackTest.FORM);
    messages.add("确认");
    Response last = null;
    for (String text : messages) {
      start = System.nanoTime();
      last = client.text(openid, text);
      millis.add((System.nanoTime() - start) / 1_000_000);
      assertThat(last.status()).isEqualTo(200);
    }
    assertThat(last.reply()).startsWith("✅ 投稿成功！编号 GZ-");
    return millis;
  }
}
