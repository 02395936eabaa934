package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class LeaseStoreTest {
  private static final Duration TTL = Duration.ofSeconds(90);
  private Storage storage;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
  }

  private boolean acquire(String holder, java.time.Instant now) {
    return in(storage, (Tx tx) -> storage.leases().acquire(tx, "scheduler", holder, now, TTL));
  }

  @Test
  void acquire_freeLease_isTakenAndRenewedByItsHolder() {
    assertThat(acquire("a", BASE)).isTrue();
    assertThat(acquire("a", BASE.plusSeconds(60))).isTrue();
  }

  @Test
  void acquire_heldLease_isRefusedToOthersUntilItExpires() {
    acquire("a", BASE);

    assertThat(acquire("b", BASE.plusSeconds(89))).isFalse();
    assertThat(acquire("b", BASE.plusSeconds(91))).isTrue();
    assertThat(acquire("a", BASE.plusSeconds(92))).isFalse();
  }

  @Test
  void release_letsAnotherTakeItAtOnce() {
    acquire("a", BASE);

    use(storage, tx -> storage.leases().release(tx, "scheduler", "a"));

    assertThat(acquire("b", BASE.plusSeconds(1))).isTrue();
  }
}
