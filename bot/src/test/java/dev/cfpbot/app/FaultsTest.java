package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.storage.StorageException;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testkit.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A flaky Bot API and a database that goes away: everything still arrives, in order. */
@ExtendWith(StorageExtension.class)
class FaultsTest {
  private final TestDatabases databases;

  FaultsTest(TestDatabases databases) {
    this.databases = databases;
  }

  @TempDir Path dataDir;

  @Test
  void flakyBotApi_tenPercentOfSendsFail_everyReplyArrivesInOrderWithinTheLimits()
      throws Exception {
    try (TelegramHarness h =
        new TelegramHarness(dataDir, Clock.systemUTC(), Map.of("TELEGRAM_RATE_LIMITS", "on"))
            .start()) {
      h.telegram.faults().enforceLimits(true);
      h.telegram.faults().failRandomly(0.10);
      ExecutorService pool = Executors.newFixedThreadPool(20);
      List<Future<String>> receipts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long chat = 70_000 + i;
        receipts.add(pool.submit(() -> h.submit(chat, "演讲 " + chat)));
      }
      for (Future<String> receipt : receipts) {
        assertThat(receipt.get()).startsWith("✅ 投稿成功！编号 GZ-");
      }
      pool.shutdown();

      for (int i = 0; i < 20; i++) {
        List<String> texts = h.telegram.textsTo(70_000 + i);
        // The call with the first question, the six others, the summary, the receipt.
        assertThat(texts).hasSize(9);
        assertThat(texts.get(0)).contains("\n\n(1/7) ");
        for (int q = 2; q <= 7; q++) {
          assertThat(texts.get(q - 1)).startsWith("(" + q + "/7) ");
        }
      }
      assertThat(h.telegram.faults().refusals()).isEmpty();
    }
  }

  @Test
  void databaseRestart_updatesWaitUnacknowledged_healthSaysSo_andAllIsHandledAfter()
      throws Exception {
    PostgresServer.Database db = databases.newPostgres();
    Map<String, String> env =
        Map.of(
            "CFPBOT_DB_URL", db.url(),
            "CFPBOT_DB_USER", db.user(),
            "CFPBOT_DB_PASSWORD", db.password(),
            "CFPBOT_HTTP_PORT", "0");
    try (TelegramHarness h = new TelegramHarness(dataDir, Clock.systemUTC(), env).start()) {
      long dave = 4004;
      h.say(dave, "/start", 1);
      assertThat(health(h).statusCode()).isEqualTo(200);

      PostgresServer.restart(
          () -> {
            h.telegram.sendText(dave, "王五");
            await().atMost(Duration.ofSeconds(30)).until(() -> health(h).statusCode() == 503);
            assertThat(health(h).body()).contains("\"database\":\"down");
          });

      await().atMost(Duration.ofSeconds(60)).until(() -> h.telegram.textsTo(dave).size() >= 2);
      assertThat(h.telegram.textsTo(dave).get(1)).startsWith("(2/7) ");
      await().atMost(Duration.ofSeconds(30)).until(() -> health(h).statusCode() == 200);
      assertThat(health(h).body())
          .contains("\"database\":\"up\"")
          .contains("\"telegram\":\"polling\"");
    }
  }

  @Test
  void databaseNotUpYetAtStart_botWaitsForItThenRuns() throws Exception {
    PostgresServer.Database db = databases.newPostgres();
    Map<String, String> env =
        Map.of(
            "CFPBOT_DB_URL", db.url(),
            "CFPBOT_DB_USER", db.user(),
            "CFPBOT_DB_PASSWORD", db.password());
    ExecutorService starter = Executors.newSingleThreadExecutor();
    try (TelegramHarness h = new TelegramHarness(dataDir, Clock.systemUTC(), env)) {
      AtomicReference<Future<TelegramHarness>> started = new AtomicReference<>();

      PostgresServer.restart(
          () -> {
            started.set(starter.submit(h::start));
            await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> h.err.toString(StandardCharsets.UTF_8).contains("Waiting up to"));
          });
      started.get().get(60, TimeUnit.SECONDS);

      assertThat(h.err.toString(StandardCharsets.UTF_8))
          .contains(
              " refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections. Waiting up to 60 s for it.\n");
      h.say(6006, "/start", 1);
      assertThat(h.telegram.textsTo(6006).get(0)).contains("\n\n(1/7) ");
    } finally {
      starter.shutdown();
    }
  }

  @Test
  void databaseThatDoesNotExist_failsAtOnceWithoutWaiting() {
    PostgresServer.Database db = databases.newPostgres();
    String url = db.url().substring(0, db.url().lastIndexOf('/')) + "/no_such_db";
    Map<String, String> env =
        Map.of(
            "CFPBOT_DB_URL", url,
            "CFPBOT_DB_USER", db.user(),
            "CFPBOT_DB_PASSWORD", db.password());
    try (TelegramHarness h = new TelegramHarness(dataDir, Clock.systemUTC(), env)) {
      assertThatThrownBy(h::start)
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("database \"no_such_db\" does not exist");
      assertThat(h.err.toString(StandardCharsets.UTF_8)).doesNotContain("Waiting");
    }
  }

  private static HttpResponse<String> health(TelegramHarness h) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.app.httpPort() + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
