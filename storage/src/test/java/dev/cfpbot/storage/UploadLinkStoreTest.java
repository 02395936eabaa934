package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.rows.UploadLink;
import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class UploadLinkStoreTest {
  private static final Duration WEEK = Duration.ofDays(7);
  private Storage storage;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    Fixtures.insertSpeaker(storage, "sp-1");
    use(storage, tx -> storage.submissions().insertDraft(tx, "s-1", "gz", "sp-1", BASE));
  }

  private UploadLink issue(String id, Instant at) {
    UploadLink link = new UploadLink(id, "s-1", "slides", "wechat", "o-1", at, at.plus(WEEK), null);
    use(storage, tx -> storage.uploadLinks().insert(tx, link));
    return link;
  }

  private boolean claim(String id, Instant now) {
    return in(storage, (Tx tx) -> storage.uploadLinks().claim(tx, id, now));
  }

  private java.util.Optional<String> reusable(String chat, Instant validUntil) {
    return in(
        storage,
        (Tx tx) ->
            storage
                .uploadLinks()
                .reusable(tx, "wechat", chat, "s-1", "slides", validUntil)
                .map(UploadLink::id));
  }

  @Test
  void reusable_isTheNewestUnusedLinkValidLongEnough_forThatChatOnly() {
    issue("l-1", BASE);
    issue("l-2", BASE.plusSeconds(60));

    assertThat(reusable("o-1", BASE.plus(Duration.ofDays(5)))).contains("l-2");
    assertThat(reusable("o-2", BASE)).isEmpty();
    assertThat(reusable("o-1", BASE.plus(Duration.ofDays(8)))).isEmpty();
  }

  @Test
  void claim_succeedsOnce_untilReleased_andNeverAfterExpiry() {
    issue("l-1", BASE);

    assertThat(claim("l-1", BASE.plusSeconds(1))).isTrue();
    assertThat(claim("l-1", BASE.plusSeconds(2))).isFalse();
    assertThat(in(storage, (Tx tx) -> storage.uploadLinks().get(tx, "l-1").orElseThrow().usedAt()))
        .isEqualTo(BASE.plusSeconds(1));
    use(storage, tx -> storage.uploadLinks().release(tx, "l-1"));
    assertThat(claim("l-1", BASE.plusSeconds(3))).isTrue();
    use(storage, tx -> storage.uploadLinks().release(tx, "l-1"));
    assertThat(claim("l-1", BASE.plus(WEEK))).isFalse();
  }

  @Test
  void claim_byManyAtOnce_isWonByExactlyOne() throws Exception {
    issue("l-1", BASE);
    int racers = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        Callable<Boolean> racer =
            () -> {
              go.await();
              return claim("l-1", BASE.plusSeconds(1));
            };
        results.add(pool.submit(racer));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> result : results) {
        won += result.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deleteExpired_forgetsOnlyExpiredLinks_andADeletedDraftTakesItsLinks() {
    issue("l-old", BASE.minus(Duration.ofDays(10)));
    issue("l-new", BASE);

    assertThat(in(storage, (Tx tx) -> storage.uploadLinks().deleteExpired(tx, BASE))).isEqualTo(1);
    assertThat(in(storage, (Tx tx) -> storage.uploadLinks().get(tx, "l-new").isPresent())).isTrue();
    use(storage, tx -> storage.submissions().deleteDraft(tx, "s-1"));
    assertThat(in(storage, (Tx tx) -> storage.uploadLinks().get(tx, "l-new").isPresent()))
        .isFalse();
  }
}
