package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class ScheduleStoreTest {
  private static final Instant DUE = BASE.plusSeconds(8 * 3600);
  private static final Instant NEXT_DUE = DUE.plusSeconds(24 * 3600);

  private Storage storage;
  private ScheduleStore schedules;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    schedules = storage.schedules();
  }

  private boolean claim(String name, Instant due, Instant at) {
    return in(storage, (Tx tx) -> schedules.claimRun(tx, name, due, at));
  }

  @Test
  void lastRun_neverRun_isEmpty() {
    assertThat(in(storage, (Tx tx) -> schedules.lastRun(tx, "digest"))).isEmpty();
  }

  @Test
  void claimRun_firstTime_returnsTrueAndRecordsRun() {
    assertThat(claim("digest", DUE, DUE.plusSeconds(5))).isTrue();

    assertThat(in(storage, (Tx tx) -> schedules.lastRun(tx, "digest")))
        .contains(DUE.plusSeconds(5));
  }

  @Test
  void claimRun_sameDueAgain_returnsFalseAndKeepsFirstRun() {
    claim("digest", DUE, DUE.plusSeconds(5));

    assertThat(claim("digest", DUE, DUE.plusSeconds(7))).isFalse();
    assertThat(in(storage, (Tx tx) -> schedules.lastRun(tx, "digest")))
        .contains(DUE.plusSeconds(5));
  }

  @Test
  void claimRun_laterDue_returnsTrueAndRecordsRun() {
    claim("digest", DUE, DUE.plusSeconds(5));

    assertThat(claim("digest", NEXT_DUE, NEXT_DUE.plusSeconds(1))).isTrue();
    assertThat(in(storage, (Tx tx) -> schedules.lastRun(tx, "digest")))
        .contains(NEXT_DUE.plusSeconds(1));
  }

  @Test
  void claimRun_otherName_isIndependent() {
    claim("digest", DUE, DUE);

    assertThat(claim("reminder", DUE, DUE)).isTrue();
    assertThat(in(storage, (Tx tx) -> schedules.lastRun(tx, "reminder"))).contains(DUE);
  }
}
