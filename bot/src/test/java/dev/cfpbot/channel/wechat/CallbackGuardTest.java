package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Callbacks arriving together share the replay check's commit; each still learns whether its
 * (timestamp, nonce) pair is new, WeChat retrying, or a replay — on H2, and on PostgreSQL with the
 * pairs checked by two instances at once.
 */
@ExtendWith(StorageExtension.class)
class CallbackGuardTest {
  private final TestDatabases databases;

  CallbackGuardTest(TestDatabases databases) {
    this.databases = databases;
  }

  /**
   * 60 checks released together across {@code guards}: 20 new pairs; 10 pairs sent twice with the
   * same message (WeChat retrying); 10 pairs sent twice with different messages (a replay).
   */
  private static List<String> together(CallbackGuard... guards) throws Exception {
    String timestamp = Long.toString(Clock.systemUTC().instant().getEpochSecond());
    List<Callable<String>> checks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String nonce = "new-" + i;
      checks.add(() -> nonce + " " + guards[0].remember(timestamp, nonce, "message " + nonce));
    }
    for (int i = 0; i < 10; i++) {
      String retried = "retried-" + i;
      String replayed = "replayed-" + i;
      for (int copy = 0; copy < 2; copy++) {
        CallbackGuard guard = guards[copy % guards.length];
        String body = "message " + replayed + " " + copy;
        checks.add(() -> retried + " " + guard.remember(timestamp, retried, "message " + retried));
        checks.add(() -> replayed + " " + guard.remember(timestamp, replayed, body));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(checks.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (Callable<String> check : checks) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return check.call();
                }));
      }
      go.countDown();
      List<String> seen = new ArrayList<>();
      for (Future<String> f : futures) {
        seen.add(f.get(30, TimeUnit.SECONDS));
      }
      return seen;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> expected() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("new-" + i + " NEW");
    }
    for (int i = 0; i < 10; i++) {
      expected.addAll(
          List.of(
              "retried-" + i + " NEW",
              "retried-" + i + " RETRY",
              "replayed-" + i + " NEW",
              "replayed-" + i + " REPLAY"));
    }
    return expected;
  }

  @Test
  void checksArrivingTogether_eachLearnWhetherTheirPairIsNewARetryOrAReplay(Storage storage)
      throws Exception {
    CallbackGuard guard = new CallbackGuard(storage, Clock.systemUTC());

    assertThat(together(guard)).containsExactlyInAnyOrderElementsOf(expected());
    long rows =
        storage
            .database()
            .inTransaction(
                "count", tx -> tx.count("count", "select count(*) from callback_nonces"));
    assertThat(rows).isEqualTo(40);
  }

  @Test
  void twoInstancesOnOnePostgres_checkingTogether_agreeOnWhichRequestWasFirst() throws Exception {
    var db = databases.newPostgres();
    try (Storage one = databases.open(db);
        Storage two = databases.open(db)) {
      CallbackGuard first = new CallbackGuard(one, Clock.systemUTC());
      CallbackGuard second = new CallbackGuard(two, Clock.systemUTC());

      assertThat(together(first, second)).containsExactlyInAnyOrderElementsOf(expected());
    }
  }
}
