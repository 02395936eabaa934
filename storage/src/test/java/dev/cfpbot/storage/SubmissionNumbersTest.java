package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.testing.StorageExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two confirmations of one event at the same moment get consecutive numbers, not a collision. */
@ExtendWith(StorageExtension.class)
class SubmissionNumbersTest {
  private static final String EVENT = "gz-2027-10-docker";
  private Storage storage;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    Fixtures.use(
        storage,
        tx -> {
          storage
              .speakers()
              .insert(tx, new Speaker("sp-1", "telegram", "1", "A", "zh", true, BASE));
          storage.submissions().insertDraft(tx, "s-1", EVENT, "sp-1", BASE);
          storage.submissions().insertDraft(tx, "s-2", EVENT, "sp-1", BASE);
          // The event's counter exists once anything was numbered (its creation races are retried).
          storage.submissions().nextNumber(tx, EVENT);
        });
  }

  private int confirm(String id, CountDownLatch reserved, CountDownLatch proceed) {
    return storage
        .database()
        .inTransaction(
            "confirm",
            tx -> {
              int number = storage.submissions().nextNumber(tx, EVENT);
              reserved.countDown();
              try {
                proceed.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              storage
                  .submissions()
                  .changeState(
                      tx,
                      id,
                      SubmissionState.DRAFT,
                      SubmissionState.SUBMITTED,
                      number,
                      "GZ-0" + number,
                      "speaker",
                      null,
                      BASE);
              return number;
            });
  }

  @Test
  void concurrentConfirmations_waitForEachOther_andTakeConsecutiveNumbers() throws Exception {
    CountDownLatch firstReserved = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(() -> confirm("s-1", firstReserved, release));
    assertThat(firstReserved.await(10, TimeUnit.SECONDS)).isTrue();

    CountDownLatch secondReserved = new CountDownLatch(1);
    CompletableFuture<Integer> second =
        CompletableFuture.supplyAsync(() -> confirm("s-2", secondReserved, new CountDownLatch(0)));
    // The second waits on the first's lock: it has not reserved a number yet.
    assertThat(secondReserved.await(200, TimeUnit.MILLISECONDS)).isFalse();
    release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2);
  }
}
