package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.FakeTelegram;
import dev.cfpbot.testkit.PostgresServer;
import dev.cfpbot.testkit.SentMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances behind a load balancer on one PostgreSQL, Telegram in webhook mode: a hundred
 * speakers whose updates alternate between the instances all complete, every reply goes out once
 * and in order, the organizers get one alert per proposal and one digest.
 */
@ExtendWith(StorageExtension.class)
class MultiInstanceTest {
  private final TestDatabases databases;

  MultiInstanceTest(TestDatabases databases) {
    this.databases = databases;
  }

  static final String TOKEN = TelegramHarness.TOKEN;
  static final String SECRET = "hook-secret-shared-by-both";
  static final String ORGANIZERS = TelegramHarness.ORGANIZERS;
  static final int SPEAKERS = 100;

  /** 09:00:10 in Shanghai: the daily digest is due the moment the instances start. */
  static final Instant NOW = Instant.parse("2027-10-20T01:00:10Z");

  @TempDir Path one;
  @TempDir Path two;

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger updateIds = new AtomicInteger(1);

  private Application start(FakeTelegram telegram, PostgresServer.Database db, Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("CFPBOT_CONFIG", TestBot.SHIPPED_CONFIG.toString());
    env.put("CFPBOT_DATA_DIR", dataDir.toString());
    env.put("CFPBOT_DB_URL", db.url());
    env.put("CFPBOT_DB_USER", db.user());
    env.put("CFPBOT_DB_PASSWORD", db.password());
    env.put("CFPBOT_SECRET", "a-secret-both-instances-share");
    env.put("CFPBOT_HTTP_PORT", "0");
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_API_URL", telegram.url());
    env.put("TELEGRAM_ORGANIZER_CHAT", ORGANIZERS);
    env.put("TELEGRAM_WEBHOOK_URL", "https://cfp.example.org/telegram");
    env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
    env.put("TELEGRAM_KEEP_WEBHOOK", "on");
    env.put("TELEGRAM_RATE_LIMITS", "off");
    Io io =
        new Io(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            env,
            Clock.fixed(NOW, ZoneOffset.UTC));
    return Application.start(io, Launch.prepare(io, false));
  }

  private void post(Application instance, FakeTelegram telegram, long chat, String text)
      throws Exception {
    String update = telegram.webhookUpdate(updateIds.getAndIncrement(), chat, text);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort() + "/telegram"))
            .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
            .POST(HttpRequest.BodyPublishers.ofString(update))
            .build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
  }

  /** One speaker's whole submission, each message to the other instance than the one before. */
  private Void speak(List<Application> instances, FakeTelegram telegram, long chat)
      throws Exception {
    String[] messages = {
      "/start",
      "张三",
      "运维工程师。",
      "zhangsan_docker",
      "138 0013 8000",
      "演讲 " + chat,
      "介绍我们把单体应用迁移到 Docker 的过程和踩过的坑。",
      "/skip",
      "确认"
    };
    int expected = 0;
    for (int i = 0; i < messages.length; i++) {
      post(instances.get(i % 2), telegram, chat, messages[i]);
      expected += 1;
      int count = expected;
      await().atMost(Duration.ofSeconds(60)).until(() -> telegram.textsTo(chat).size() >= count);
    }
    return null;
  }

  @Test
  void twoInstances_hundredSpeakers_everyReplyOnceAndInOrder_oneAlertEach_oneDigest()
      throws Exception {
    PostgresServer.Database db = databases.newPostgres();
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "cfp_test_bot").start(0);
        Application first = start(telegram, db, one);
        Application second = start(telegram, db, two)) {
      List<Application> instances = List.of(first, second);
      ExecutorService pool = Executors.newFixedThreadPool(25);
      List<Future<Void>> speakers = new ArrayList<>();
      for (int i = 0; i < SPEAKERS; i++) {
        long chat = 50_000 + i;
        speakers.add(pool.submit(() -> speak(instances, telegram, chat)));
      }
      for (Future<Void> speaker : speakers) {
        speaker.get();
      }
      pool.shutdown();

      for (int i = 0; i < SPEAKERS; i++) {
        long chat = 50_000 + i;
        List<String> texts = telegram.textsTo(chat);
        // The call with the first question, the six others, the summary, the receipt.
        assertThat(texts).hasSize(9);
        assertThat(texts.get(0)).startsWith("📣 Techparty 广州").contains("\n\n(1/7) ");
        for (int q = 2; q <= 7; q++) {
          assertThat(texts.get(q - 1)).startsWith("(" + q + "/7) ");
        }
        assertThat(texts.get(7)).startsWith("请核对你的投稿：");
        assertThat(texts.get(8)).startsWith("✅ 投稿成功！编号 GZ-").contains("《演讲 " + chat + "》");
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> alerts(telegram).size() >= SPEAKERS);
      assertThat(alerts(telegram)).hasSize(SPEAKERS);
      assertThat(alerts(telegram)).extracting(SentMessage::text).doesNotHaveDuplicates();
      List<SentMessage> digests =
          telegram.sentTo(ORGANIZERS).stream().filter(m -> m.text().startsWith("📊")).toList();
      assertThat(digests).hasSize(1);
    }
  }

  @Test
  void forget_askedOnOneInstance_confirmedOnTheOther_deletesOnce_andTheSpeakerStartsAfresh()
      throws Exception {
    PostgresServer.Database db = databases.newPostgres();
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "cfp_test_bot").start(0);
        Application first = start(telegram, db, one);
        Application second = start(telegram, db, two)) {
      long chat = 60_001;
      speak(List.of(first, second), telegram, chat);

      post(first, telegram, chat, "/forget");
      await().atMost(Duration.ofSeconds(30)).until(() -> telegram.textsTo(chat).size() >= 10);
      post(second, telegram, chat, "确认删除");
      await().atMost(Duration.ofSeconds(30)).until(() -> telegram.textsTo(chat).size() >= 11);
      post(first, telegram, chat, "/status");
      await().atMost(Duration.ofSeconds(30)).until(() -> telegram.textsTo(chat).size() >= 12);

      List<String> texts = telegram.textsTo(chat);
      assertThat(texts.get(9)).startsWith("⚠️ 确定要删除你的全部数据吗？");
      assertThat(texts.get(10)).startsWith("✅ 你的数据已全部删除，无法恢复。投稿编号 GZ-01 保留为「已删除」");
      assertThat(texts.get(11)).isEqualTo("你还没有投稿。发送「投稿」开始。");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> telegram.sentTo(ORGANIZERS).stream().anyMatch(m -> m.text().startsWith("🗑")));
      assertThat(
              telegram.sentTo(ORGANIZERS).stream()
                  .map(SentMessage::text)
                  .filter(text -> text.startsWith("🗑")))
          .containsExactly("🗑 一位讲者删除了自己的数据：GZ-01。编号保留，内容已删除。");
      var tomb =
          second
              .storage()
              .database()
              .inTransaction("read", tx -> second.storage().submissions().findByCode(tx, "GZ-01"))
              .orElseThrow();
      assertThat(tomb.state()).isEqualTo(dev.cfpbot.domain.SubmissionState.DELETED);
      assertThat(tomb.speakerId()).isNull();
    }
  }

  private static List<SentMessage> alerts(FakeTelegram telegram) {
    return telegram.sentTo(ORGANIZERS).stream().filter(m -> m.text().startsWith("📥 新投稿")).toList();
  }
}
