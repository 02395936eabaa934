package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.testkit.wechat.FakeWechatApi;
import dev.cfpbot.testkit.wechat.WechatClient;
import dev.cfpbot.testkit.wechat.WechatClient.Response;
import dev.cfpbot.testkit.wechat.WechatEnvelopes.Broken;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a process, where memory and start-up are real. */
class WechatJarIT {
  /** The launcher's flags (see ./cfp-bot), with half its heap. */
  private static final String[] SMALL_HEAP = {
    "-XX:+UseSerialGC",
    "-Xms16m",
    "-Xmx64m",
    "-XX:TieredStopAtLevel=1",
    "-Xss512k",
    "-XX:MaxMetaspaceSize=96m",
    "-XX:+ExitOnOutOfMemoryError"
  };

  @TempDir Path dataDir;
  private final FakeWechatApi api = new FakeWechatApi();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void underXmx64m_aThousandUndecryptableEnvelopes_eachGet400_andFollowersAreStillServed()
      throws Exception {
    try (WechatJar bot = WechatJar.start(dataDir, api, Map.of(), SMALL_HEAP).awaitHealthy()) {
      WechatClient wechat = bot.client(true);
      Map<Integer, Integer> statuses = new TreeMap<>();
      Broken[] ways = Broken.values();

      for (int i = 0; i < 1_000; i++) {
        String xml = WechatClient.textXml("o-x", "投稿", WechatClient.nextMsgId(), wechat.now());
        int status = wechat.send(wechat.signBroken(ways[i % ways.length], xml)).status();
        statuses.merge(status, 1, Integer::sum);
      }
      Response follower = wechat.text("o-real-follower", "投稿");

      assertThat(statuses).isEqualTo(Map.of(400, 1_000));
      assertThat(follower.status()).isEqualTo(200);
      assertThat(follower.reply()).startsWith("📣 Techparty 广州 · Docker 技术沙龙");
      assertThat(bot.isAlive()).isTrue();
      assertThat(bot.log()).doesNotContain("OutOfMemoryError");
    }
  }

  /**
   * XStream (weixin-java's XML reader) costs ~8 MB for good once set up: the bot never loads it.
   */
  @Test
  void plainMessage_isAnswered_withoutLoadingXStream() throws Exception {
    Path classes = dataDir.resolve("classes.txt");
    List<String> flags = new ArrayList<>(List.of(SMALL_HEAP));
    flags.add("-Xlog:class+load:file=" + classes);
    Response reply;
    String log;
    Map<String, String> env = Map.of("WECHAT_AES_KEY", "", "CFPBOT_REHEARSAL", "20");
    try (WechatJar bot =
        WechatJar.start(dataDir, api, env, flags.toArray(String[]::new)).awaitHealthy()) {
      reply = bot.client(false).text("o-plain-follower", "投稿");
      assertThat(bot.stop()).isTrue();
      log = bot.log();
    }

    assertThat(reply.reply()).startsWith("📣 Techparty 广州 · Docker 技术沙龙");
    // The start-up rehearsal ran the same path first, on its own database: the follower above is
    // the bot's first speaker, and nothing of the rehearsal reached the WeChat API.
    assertThat(log).contains("start-up rehearsal: 20 speakers, 180 of 180 messages answered in ");
    assertThat(api.calls(FakeWechatApi.CUSTOM)).isEmpty();
    List<String> loaded = Files.readAllLines(classes);
    assertThat(loaded).anyMatch(line -> line.contains(" " + WxMpXmlMessage.class.getName() + " "));
    assertThat(loaded).noneMatch(line -> line.contains(" com.thoughtworks.xstream."));
  }

  @Test
  void callbacksFromTheMomentThePortOpens_waitForTheBot_neverGet503() throws Exception {
    try (WechatJar bot = WechatJar.start(dataDir, api, Map.of(), SMALL_HEAP)) {
      WechatClient wechat = bot.client(true);
      List<Integer> statuses = new ArrayList<>();
      Response first = null;
      // As fast as it can, from the first moment a connection is taken, both kinds of callback.
      while (statuses.size() < 40) {
        try {
          Response r =
              statuses.size() % 2 == 0
                  ? wechat.text("o-early-" + statuses.size(), "投稿")
                  : wechat.verify("echo-" + statuses.size());
          first = first == null ? r : first;
          statuses.add(r.status());
        } catch (UncheckedIOException e) {
          if (!(e.getCause() instanceof ConnectException) || !bot.isAlive()) {
            throw e;
          }
        }
      }

      assertThat(statuses).hasSize(40).containsOnly(200);
      assertThat(first.reply()).startsWith("📣 Techparty 广州 · Docker 技术沙龙");
    }
  }
}
