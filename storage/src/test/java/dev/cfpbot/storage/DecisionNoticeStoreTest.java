package dev.cfpbot.storage;

import static dev.cfpbot.domain.SubmissionState.ACCEPTED;
import static dev.cfpbot.domain.SubmissionState.REJECTED;
import static dev.cfpbot.domain.SubmissionState.SHORTLISTED;
import static dev.cfpbot.domain.SubmissionState.SUBMITTED;
import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.rows.DecisionNotice;
import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class DecisionNoticeStoreTest {
  private static final Instant DUE = BASE.plus(Duration.ofMinutes(10));

  private Storage storage;
  private DecisionNoticeStore notices;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    notices = storage.decisionNotices();
    Fixtures.insertSpeaker(storage, "sp-1");
    ReviewStoreTest.submit(storage, "sub-1", "sp-1", 1);
  }

  private void record(SubmissionState state, List<String> outbox) {
    use(
        storage,
        tx -> {
          for (String id : outbox) {
            storage.outbox().enqueue(tx, id, "telegram", "100", "decision", "{}", DUE, BASE);
          }
          notices.insert(
              tx,
              new DecisionNotice(
                  0,
                  "sub-1",
                  state,
                  SUBMITTED,
                  !outbox.isEmpty(),
                  false,
                  outbox,
                  "telegram:777",
                  BASE,
                  DUE,
                  null,
                  null,
                  false));
        });
  }

  private DecisionNotice latest() {
    return in(storage, (Tx tx) -> notices.latestOpen(tx, "sub-1")).orElseThrow();
  }

  @Test
  void messageStillInTheOutbox_isHeld_andNothingWasTold() {
    record(ACCEPTED, List.of("m-1", "m-2"));

    DecisionNotice n = latest();
    assertThat(n.outboxIds()).containsExactly("m-1", "m-2");
    assertThat(n.waiting()).isTrue();
    assertThat(n.held(DUE.plusSeconds(60))).isTrue();
    assertThat(in(storage, (Tx tx) -> notices.told(tx, "sub-1"))).isEmpty();
  }

  @Test
  void messageClaimedBySender_isTold() {
    record(ACCEPTED, List.of("m-1"));
    in(
        storage,
        (Tx tx) ->
            storage.outbox().claimDue(tx, List.of("telegram"), "s", DUE, Duration.ofMinutes(1), 5));

    assertThat(latest().held(DUE)).isFalse();
    assertThat(in(storage, (Tx tx) -> notices.told(tx, "sub-1"))).contains(ACCEPTED);
  }

  @Test
  void silentDecision_isHeldUntilDue_andTellsNothing() {
    record(SHORTLISTED, List.of());

    assertThat(latest().held(DUE.minusSeconds(1))).isTrue();
    assertThat(latest().held(DUE)).isFalse();
    assertThat(in(storage, (Tx tx) -> notices.told(tx, "sub-1"))).isEmpty();
  }

  @Test
  void close_takesItOutOfTheOpenOnes_butKeepsItInTheHistory() {
    record(ACCEPTED, List.of("m-1"));
    long id = latest().id();
    record(REJECTED, List.of("m-2"));
    use(storage, tx -> notices.close(tx, id, "wechat:o-wang", BASE.plusSeconds(5)));

    assertThat(latest().state()).isEqualTo(REJECTED);
    assertThat(in(storage, (Tx tx) -> notices.of(tx, "sub-1")))
        .extracting(DecisionNotice::state, DecisionNotice::closedBy)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(ACCEPTED, "wechat:o-wang"),
            org.assertj.core.api.Assertions.tuple(REJECTED, null));
    assertThat(in(storage, (Tx tx) -> notices.latestOpenOfEvent(tx, ReviewStoreTest.EVENT)))
        .containsOnlyKeys("sub-1");
  }
}
