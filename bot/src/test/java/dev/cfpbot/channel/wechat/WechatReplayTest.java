package dev.cfpbot.channel.wechat;

import static dev.cfpbot.channel.wechat.WechatTestBot.ORGANIZER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testkit.PostgresServer;
import dev.cfpbot.testkit.wechat.WechatClient;
import dev.cfpbot.testkit.wechat.WechatClient.Response;
import dev.cfpbot.testkit.wechat.WechatClient.Signed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone who saw one signed callback URL (a proxy log, a browser history, a screenshot) cannot act
 * as WeChat with it: a timestamp more than five minutes from the bot's clock is refused, and so is
 * a (timestamp, nonce) pair seen before with another body — on any instance sharing the database.
 * WeChat's own retry (the same request again) still gets the same reply.
 */
@ExtendWith(StorageExtension.class)
class WechatReplayTest {
  private final TestDatabases databases;

  WechatReplayTest(TestDatabases databases) {
    this.databases = databases;
  }

  @TempDir Path dataDir;

  private static long inboxRows(WechatTestBot t) {
    return t.in(tx -> tx.count("count", "select count(*) from inbox"));
  }

  private static String organizerExport(WechatClient client) {
    return WechatClient.textXml(ORGANIZER, "/export", WechatClient.nextMsgId(), client.now());
  }

  @Test
  void plainMode_seenUrlReplayedWithAForgedOrganizerBody_isRefused_andNothingIsExported() {
    try (WechatTestBot t = WechatTestBot.plainMode(databases, dataDir)) {
      Signed seen = t.plain.sign(WechatClient.textXml("o-stranger", "投稿", 1L, t.plain.now()));
      assertThat(t.plain.send(seen).status()).isEqualTo(200);
      long before = inboxRows(t);

      Response forged = t.plain.send(seen.withBody(organizerExport(t.plain)));

      assertThat(forged.status()).isEqualTo(403);
      assertThat(forged.body()).isEqualTo("403");
      assertThat(inboxRows(t)).isEqualTo(before);
    }
  }

  @Test
  void safeMode_seenUrlStrippedToPlainWithAForgedOrganizerBody_isRefused() {
    try (WechatTestBot t = new WechatTestBot(databases, dataDir)) {
      Signed seen = t.safe.sign(WechatClient.textXml("o-stranger", "投稿", 2L, t.safe.now()));
      String plainQuery = seen.query().replaceAll("&encrypt_type=aes&msg_signature=[0-9a-f]+", "");

      Response forged = t.plain.send(plainQuery, organizerExport(t.plain));

      assertThat(forged.status()).isEqualTo(403);
      assertThat(inboxRows(t)).isZero();
    }
  }

  @Test
  void timestampMoreThanFiveMinutesFromTheClock_isRefused_eitherWay() {
    try (WechatTestBot t = WechatTestBot.plainMode(databases, dataDir)) {
      Instant now = t.clock.instant();
      Signed old = t.plain.sign(WechatClient.textXml("o-late", "投稿", 3L, t.plain.now()));
      Signed lastMoment = t.plain.sign(WechatClient.textXml("o-edge", "投稿", 4L, t.plain.now()));
      t.clock.set(now.plus(Duration.ofMinutes(11)));
      Signed future = t.plain.sign(WechatClient.textXml("o-early", "投稿", 5L, t.plain.now()));
      t.clock.set(now.plus(Duration.ofMinutes(5)).plusSeconds(1));

      Response stale = t.plain.send(old);
      Response early = t.plain.send(future);
      t.clock.set(now.plus(Duration.ofMinutes(5)));
      Response inTime = t.plain.send(lastMoment);

      assertThat(stale.status()).isEqualTo(403);
      assertThat(early.status()).isEqualTo(403);
      assertThat(inTime.status()).isEqualTo(200);
      assertThat(inboxRows(t)).isEqualTo(1);
    }
  }

  @Test
  void verification_staleOrReplayedWithAnotherEchostr_isRefused() {
    try (WechatTestBot t = new WechatTestBot(databases, dataDir)) {
      String timestamp = Long.toString(t.safe.now());
      String signature = t.safe.signature(timestamp, "4242");
      Response first = t.safe.verify(signature, timestamp, "4242", "hello");
      Response again = t.safe.verify(signature, timestamp, "4242", "hello");
      Response other = t.safe.verify(signature, timestamp, "4242", "evil");
      t.clock.set(t.clock.instant().plus(Duration.ofMinutes(6)));
      Response stale = t.safe.verify(t.safe.signature("100", "7"), "100", "7", "hello");

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("hello");
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.body()).isEqualTo("hello");
      assertThat(other.status()).isEqualTo(403);
      assertThat(other.body()).isEqualTo("403");
      assertThat(stale.status()).isEqualTo(403);
    }
  }

  @Test
  void wechatsOwnRetry_sameTimestampNonceAndBody_getsTheSameReply_handledOnce() {
    try (WechatTestBot t = new WechatTestBot(databases, dataDir)) {
      t.safe.text("o-carol", "投稿");
      Signed request =
          t.safe.sign(
              WechatClient.textXml("o-carol", "张三", WechatClient.nextMsgId(), t.safe.now()));
      long before = inboxRows(t);

      Response first = t.safe.send(request);
      t.clock.set(t.clock.instant().plusSeconds(5));
      Response retry = t.safe.send(request);
      t.clock.set(t.clock.instant().plusSeconds(5));
      Response lastRetry = t.safe.send(request);

      assertThat(first.reply()).startsWith("(2/7) 请简单介绍一下自己");
      assertThat(retry.status()).isEqualTo(200);
      assertThat(retry.reply()).isEqualTo(first.reply());
      assertThat(lastRetry.reply()).isEqualTo(first.reply());
      assertThat(inboxRows(t)).isEqualTo(before + 1);
    }
  }

  @Test
  void noncesOlderThanTwiceTheWindow_arePruned() {
    try (WechatTestBot t = new WechatTestBot(databases, dataDir)) {
      t.safe.text("o-dora", "投稿");
      t.safe.text("o-dora", "张三");
      t.clock.set(t.clock.instant().plus(Duration.ofMinutes(11)));

      t.safe.text("o-dora", "/back");

      long rows = t.in(tx -> tx.count("count", "select count(*) from callback_nonces"));
      assertThat(rows).isEqualTo(1);
    }
  }

  @Test
  void twoInstancesOnOnePostgres_aRequestSeenByOneIsRefusedWithAnotherBodyByTheOther()
      throws Exception {
    PostgresServer.Database db = databases.newPostgres();
    try (WechatTestBot one = instance(db, Files.createDirectory(dataDir.resolve("one")));
        WechatTestBot two = instance(db, Files.createDirectory(dataDir.resolve("two")))) {
      Signed seen =
          one.plain.sign(
              WechatClient.textXml("o-erin", "投稿", WechatClient.nextMsgId(), one.plain.now()));

      Response atOne = one.plain.send(seen);
      Response retryAtTwo = two.plain.send(seen);
      Response replayAtTwo = two.plain.send(seen.withBody(organizerExport(two.plain)));

      assertThat(atOne.status()).isEqualTo(200);
      assertThat(retryAtTwo.status()).isEqualTo(200);
      assertThat(retryAtTwo.reply()).isEqualTo(atOne.reply());
      assertThat(replayAtTwo.status()).isEqualTo(403);
      assertThat(inboxRows(two)).isEqualTo(1);
    }
  }

  /** An instance in plain mode (where only the nonce can tell a replay) on the shared database. */
  private WechatTestBot instance(PostgresServer.Database db, Path dir) {
    return new WechatTestBot(
        dir, Map.of(WechatSettings.AES_KEY, ""), Function.identity(), databases.open(db), true);
  }
}
