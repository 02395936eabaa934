package dev.cfpbot.storage;

import static dev.cfpbot.domain.SubmissionState.ACCEPTED;
import static dev.cfpbot.domain.SubmissionState.REJECTED;
import static dev.cfpbot.domain.SubmissionState.SUBMITTED;
import static dev.cfpbot.domain.SubmissionState.WITHDRAWN;
import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A decision taken back before the speaker heard of it. */
@ExtendWith(StorageExtension.class)
class DecisionReturnTest {
  private static final Instant T1 = BASE.plusSeconds(60);
  private static final Instant T2 = BASE.plusSeconds(120);

  private Storage storage;
  private SubmissionStore submissions;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    submissions = storage.submissions();
    Fixtures.insertSpeaker(storage, "sp-1");
    ReviewStoreTest.submit(storage, "s-1", "sp-1", 1);
    use(
        storage,
        tx -> submissions.changeState(tx, "s-1", SUBMITTED, ACCEPTED, null, null, "org", null, T1));
  }

  private Submission get() {
    return in(storage, (Tx tx) -> submissions.get(tx, "s-1")).orElseThrow();
  }

  @Test
  void returnTo_undecided_clearsTheDecisionDateAndKeepsTheSubmissionDate() {
    use(storage, tx -> submissions.returnTo(tx, "s-1", ACCEPTED, SUBMITTED, "org-2", "undone", T2));

    assertThat(get())
        .isEqualTo(
            new Submission(
                "s-1",
                ReviewStoreTest.EVENT,
                "sp-1",
                1,
                "GZ-01",
                SUBMITTED,
                BASE,
                T2,
                BASE,
                null,
                null));
    assertThat(in(storage, (Tx tx) -> submissions.history(tx, "s-1")).get(3))
        .isEqualTo(new HistoryEntry("s-1", ACCEPTED, SUBMITTED, "org-2", "undone", T2));
  }

  @Test
  void returnTo_anEarlierDecision_keepsADecisionDate() {
    use(storage, tx -> submissions.returnTo(tx, "s-1", ACCEPTED, REJECTED, "org-2", null, T2));

    assertThat(get().state()).isEqualTo(REJECTED);
    assertThat(get().decidedAt()).isEqualTo(T1);
  }

  @Test
  void returnTo_fromNoDecision_isRefused() {
    assertThatThrownBy(
            () ->
                use(
                    storage,
                    tx -> submissions.returnTo(tx, "s-1", ACCEPTED, WITHDRAWN, "org", null, T2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a submission cannot return from ACCEPTED to WITHDRAWN");
    assertThat(get().state()).isEqualTo(ACCEPTED);
  }
}
