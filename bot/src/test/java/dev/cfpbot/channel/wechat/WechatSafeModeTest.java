package dev.cfpbot.channel.wechat;

import static dev.cfpbot.channel.wechat.WechatTestBot.ORGANIZER;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testkit.wechat.WechatClient;
import dev.cfpbot.testkit.wechat.WechatClient.Response;
import dev.cfpbot.testkit.wechat.WechatEnvelopes.Broken;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With WECHAT_AES_KEY set only encrypted callbacks are taken, authenticated by {@code
 * msg_signature} over their {@code Encrypt} element; whatever cannot be decrypted is answered 400.
 */
@ExtendWith(StorageExtension.class)
class WechatSafeModeTest {
  @TempDir Path dataDir;
  private WechatTestBot t;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger callbackLog = (Logger) LoggerFactory.getLogger(WechatCallback.class);

  @BeforeEach
  void start(TestDatabases databases) {
    t = new WechatTestBot(databases, dataDir);
    log.start();
    callbackLog.addAppender(log);
  }

  @AfterEach
  void stop() {
    callbackLog.detachAppender(log);
    t.close();
  }

  private long inboxRows() {
    return t.in(tx -> tx.count("count", "select count(*) from inbox"));
  }

  private List<String> logLines() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void plainMessage_whenTheAesKeyIsSet_is403_andTheLogSaysWhyWithoutPersonalData() {
    Response plain = t.plain.text("o-plain-sender", "投稿");

    assertThat(plain.status()).isEqualTo(403);
    assertThat(plain.body()).isEqualTo("403");
    assertThat(inboxRows()).isZero();
    assertThat(logLines())
        .containsExactly(
            "wechat callback refused (403): a plain (unencrypted) message, but WECHAT_AES_KEY is"
                + " set: only safe-mode messages are taken from 127.0.0.1");
    assertThat(String.join("\n", logLines())).doesNotContain("o-plain-sender", "投稿");
  }

  @Test
  void compatibleMode_onlyTheEncryptedMessageCounts_notItsPlainCopy() {
    String clear =
        WechatClient.textXml(ORGANIZER, "/export", WechatClient.nextMsgId(), t.safe.now());
    String encrypted =
        WechatClient.textXml("o-speaker", "投稿", WechatClient.nextMsgId(), t.safe.now());

    Response reply = t.safe.send(t.safe.signCompatible(clear, encrypted));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.reply()).startsWith("📣 Techparty 广州 · Docker 技术沙龙");
    boolean speaker = t.in(tx -> t.storage.speakers().find(tx, "wechat", "o-speaker").isPresent());
    boolean organizer = t.in(tx -> t.storage.speakers().find(tx, "wechat", ORGANIZER).isPresent());
    assertThat(speaker).isTrue();
    assertThat(organizer).isFalse();
  }

  @Test
  void undecryptableEnvelopes_eachAre400_andTheNextFollowerIsServed() {
    Map<Broken, Integer> statuses = new EnumMap<>(Broken.class);
    for (Broken how : Broken.values()) {
      String xml = WechatClient.textXml(ORGANIZER, "/export", WechatClient.nextMsgId(), 1);
      statuses.put(how, t.safe.send(t.safe.signBroken(how, xml)).status());
    }

    assertThat(statuses).hasSize(Broken.values().length).containsOnlyKeys(Broken.values());
    assertThat(statuses.values()).containsOnly(400);
    assertThat(inboxRows()).isZero();
    assertThat(t.safe.text("o-after", "投稿").reply()).startsWith("📣 Techparty 广州 · Docker 技术沙龙");
  }

  @Test
  void envelopeWithoutAnyEncryptElement_is400() {
    String xml = WechatClient.textXml("o-x", "投稿", WechatClient.nextMsgId(), t.safe.now());
    WechatClient.Signed signed = t.safe.sign(xml);

    Response reply =
        t.safe.send(signed.withBody("<xml><ToUserName><![CDATA[gh]]></ToUserName></xml>"));

    assertThat(reply.status()).isEqualTo(400);
  }
}
