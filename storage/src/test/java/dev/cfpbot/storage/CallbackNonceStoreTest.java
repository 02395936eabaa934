package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.in;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.testing.StorageExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class CallbackNonceStoreTest {
  private static final long T = 1_824_000_000L;
  private Storage storage;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
  }

  private Optional<String> remember(String channel, long sentAt, String nonce, String digest) {
    return in(
        storage, (Tx tx) -> storage.callbackNonces().remember(tx, channel, sentAt, nonce, digest));
  }

  private long rows() {
    return in(storage, (Tx tx) -> tx.count("count", "select count(*) from callback_nonces"));
  }

  @Test
  void remember_newPair_isRecorded_andAgainReturnsTheFirstDigest() {
    assertThat(remember("wechat", T, "12345", "a".repeat(64))).isEmpty();

    assertThat(remember("wechat", T, "12345", "b".repeat(64))).contains("a".repeat(64));
    assertThat(remember("wechat", T, "12345", "a".repeat(64))).contains("a".repeat(64));
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void remember_otherNonceTimestampOrChannel_isANewPair() {
    remember("wechat", T, "12345", "a".repeat(64));

    assertThat(remember("wechat", T, "12346", "a".repeat(64))).isEmpty();
    assertThat(remember("wechat", T + 1, "12345", "a".repeat(64))).isEmpty();
    assertThat(remember("other", T, "12345", "a".repeat(64))).isEmpty();
    assertThat(rows()).isEqualTo(4);
  }

  @Test
  void remember_thenMoreWorkInTheSameTransaction_aDuplicateDoesNotSpoilIt() {
    remember("wechat", T, "12345", "a".repeat(64));

    long after =
        in(
            storage,
            (Tx tx) -> {
              storage.callbackNonces().remember(tx, "wechat", T, "12345", "b".repeat(64));
              storage.callbackNonces().remember(tx, "wechat", T, "99999", "c".repeat(64));
              return tx.count("count", "select count(*) from callback_nonces");
            });

    assertThat(after).isEqualTo(2);
  }

  @Test
  void remember_samePairFromManyWritersAtOnce_exactlyOneIsFirst() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Optional<String>>> results = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String digest = Integer.toString(i).repeat(64);
      Callable<Optional<String>> write =
          () -> {
            go.await();
            return remember("wechat", T, "race", digest);
          };
      results.add(pool.submit(write));
    }
    go.countDown();
    int first = 0;
    for (Future<Optional<String>> result : results) {
      first += result.get().isEmpty() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(first).isEqualTo(1);
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void prune_deletesPairsSentBeforeTheCutOff_only() {
    remember("wechat", T - 601, "old", "a".repeat(64));
    remember("wechat", T - 600, "edge", "a".repeat(64));
    remember("wechat", T, "new", "a".repeat(64));

    int pruned = in(storage, (Tx tx) -> storage.callbackNonces().prune(tx, T - 600));

    assertThat(pruned).isEqualTo(1);
    assertThat(rows()).isEqualTo(2);
    assertThat(remember("wechat", T - 601, "old", "b".repeat(64))).isEmpty();
  }
}
