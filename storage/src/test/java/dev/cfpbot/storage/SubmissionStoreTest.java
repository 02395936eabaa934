package dev.cfpbot.storage;

import static dev.cfpbot.domain.SubmissionState.ACCEPTED;
import static dev.cfpbot.domain.SubmissionState.DRAFT;
import static dev.cfpbot.domain.SubmissionState.REJECTED;
import static dev.cfpbot.domain.SubmissionState.SHORTLISTED;
import static dev.cfpbot.domain.SubmissionState.SUBMITTED;
import static dev.cfpbot.domain.SubmissionState.WITHDRAWN;
import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class SubmissionStoreTest {
  private static final String EVENT = "gz-2027";
  private static final String OTHER_EVENT = "sh-2027";
  private static final Instant T1 = BASE.plusSeconds(60);
  private static final Instant T2 = BASE.plusSeconds(120);
  private static final Instant T3 = BASE.plusSeconds(180);

  private Storage storage;
  private SubmissionStore submissions;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    submissions = storage.submissions();
    Fixtures.insertSpeaker(storage, "sp-1");
    Fixtures.insertSpeaker(storage, "sp-2");
  }

  private void draft(String id, String event, String speaker, Instant at) {
    use(storage, tx -> submissions.insertDraft(tx, id, event, speaker, at));
  }

  private void submit(String id, int number, String code, Instant at) {
    use(
        storage,
        tx -> submissions.changeState(tx, id, DRAFT, SUBMITTED, number, code, "speaker", null, at));
  }

  private Submission get(String id) {
    return in(storage, (Tx tx) -> submissions.get(tx, id)).orElseThrow();
  }

  @Test
  void insertDraft_createsDraftWithoutNumberOrCode() {
    draft("s-1", EVENT, "sp-1", BASE);

    assertThat(get("s-1"))
        .isEqualTo(
            new Submission("s-1", EVENT, "sp-1", null, null, DRAFT, BASE, BASE, null, null, null));
    assertThat(in(storage, (Tx tx) -> submissions.historySince(tx, EVENT, BASE)))
        .containsExactly(new HistoryEntry("s-1", null, DRAFT, "speaker", null, BASE));
  }

  @Test
  void get_unknownId_returnsEmpty() {
    assertThat(in(storage, (Tx tx) -> submissions.get(tx, "nope"))).isEmpty();
  }

  @Test
  void changeState_draftToSubmitted_setsNumberCodeAndSubmittedAt() {
    draft("s-1", EVENT, "sp-1", BASE);

    submit("s-1", 7, "GZ-07", T1);

    assertThat(get("s-1"))
        .isEqualTo(
            new Submission("s-1", EVENT, "sp-1", 7, "GZ-07", SUBMITTED, BASE, T1, T1, null, null));
  }

  @Test
  void changeState_toDecisionWithNullNumberAndCode_keepsThemAndSetsDecidedAt() {
    draft("s-1", EVENT, "sp-1", BASE);
    submit("s-1", 1, "GZ-01", T1);

    use(
        storage,
        tx -> submissions.changeState(tx, "s-1", SUBMITTED, ACCEPTED, null, null, "org", null, T2));

    assertThat(get("s-1"))
        .isEqualTo(
            new Submission("s-1", EVENT, "sp-1", 1, "GZ-01", ACCEPTED, BASE, T2, T1, T2, null));
  }

  @Test
  void changeState_toWithdrawn_setsWithdrawnAtAndKeepsDecidedAt() {
    draft("s-1", EVENT, "sp-1", BASE);
    submit("s-1", 1, "GZ-01", T1);
    use(
        storage,
        tx -> submissions.changeState(tx, "s-1", SUBMITTED, ACCEPTED, null, null, "org", null, T2));

    use(
        storage,
        tx ->
            submissions.changeState(
                tx, "s-1", ACCEPTED, WITHDRAWN, null, null, "speaker", null, T3));

    assertThat(get("s-1"))
        .isEqualTo(
            new Submission("s-1", EVENT, "sp-1", 1, "GZ-01", WITHDRAWN, BASE, T3, T1, T2, T3));
  }

  @Test
  void changeState_illegalTransition_throwsIllegalStateAndChangesNothing() {
    draft("s-1", EVENT, "sp-1", BASE);

    assertThatThrownBy(
            () ->
                use(
                    storage,
                    tx ->
                        submissions.changeState(
                            tx, "s-1", DRAFT, ACCEPTED, 1, "GZ-01", "org", null, T1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a submission cannot go from DRAFT to ACCEPTED");
    assertThat(get("s-1").state()).isEqualTo(DRAFT);
    assertThat(in(storage, (Tx tx) -> submissions.historySince(tx, EVENT, BASE))).hasSize(1);
  }

  @Test
  void changeState_withWrongFrom_throwsConcurrentUpdateAndChangesNothing() {
    draft("s-1", EVENT, "sp-1", BASE);

    assertThatThrownBy(
            () ->
                use(
                    storage,
                    tx ->
                        submissions.changeState(
                            tx, "s-1", SUBMITTED, ACCEPTED, null, null, "org", null, T1)))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessage("change submission state failed: submission s-1 was changed by someone else");
    assertThat(get("s-1"))
        .isEqualTo(
            new Submission("s-1", EVENT, "sp-1", null, null, DRAFT, BASE, BASE, null, null, null));
    assertThat(in(storage, (Tx tx) -> submissions.historySince(tx, EVENT, BASE))).hasSize(1);
  }

  @Test
  void nextNumber_countsPerEvent() {
    assertThat(in(storage, (Tx tx) -> submissions.nextNumber(tx, EVENT))).isEqualTo(1);
    draft("s-1", EVENT, "sp-1", BASE);
    draft("s-2", EVENT, "sp-2", BASE);
    draft("s-3", OTHER_EVENT, "sp-1", BASE);
    assertThat(in(storage, (Tx tx) -> submissions.nextNumber(tx, EVENT))).isEqualTo(1);

    submit("s-1", 1, "GZ-01", T1);
    submit("s-2", 2, "GZ-02", T1);

    assertThat(in(storage, (Tx tx) -> submissions.nextNumber(tx, EVENT))).isEqualTo(3);
    assertThat(in(storage, (Tx tx) -> submissions.nextNumber(tx, OTHER_EVENT))).isEqualTo(1);
  }

  @Test
  void changeState_numberTakenInSameEvent_throwsUniqueViolation() {
    draft("s-1", EVENT, "sp-1", BASE);
    draft("s-2", EVENT, "sp-2", BASE);
    draft("s-3", OTHER_EVENT, "sp-2", BASE);
    submit("s-1", 1, "GZ-01", T1);

    assertThatThrownBy(() -> submit("s-2", 1, "GZ-01b", T2))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.isUniqueViolation()).isTrue();
              assertThat(e.operation()).isEqualTo("change submission state");
            });
    assertThat(get("s-2").state()).isEqualTo(DRAFT);

    submit("s-3", 1, "SH-01", T2);
    assertThat(get("s-3").number()).isEqualTo(1);
  }

  @Test
  void countByState_countsEveryStateOfOneEvent() {
    draft("s-1", EVENT, "sp-1", BASE);
    draft("s-2", EVENT, "sp-1", BASE);
    draft("s-3", EVENT, "sp-2", BASE);
    draft("s-4", OTHER_EVENT, "sp-2", BASE);
    submit("s-1", 1, "GZ-01", T1);
    submit("s-2", 2, "GZ-02", T1);
    use(
        storage,
        tx -> submissions.changeState(tx, "s-2", SUBMITTED, REJECTED, null, null, "org", null, T2));

    assertThat(in(storage, (Tx tx) -> submissions.countByState(tx, EVENT)))
        .containsExactly(
            entry(DRAFT, 1L),
            entry(SUBMITTED, 1L),
            entry(SHORTLISTED, 0L),
            entry(ACCEPTED, 0L),
            entry(REJECTED, 1L),
            entry(WITHDRAWN, 0L),
            entry(SubmissionState.CONFIRMED, 0L),
            entry(SubmissionState.DECLINED, 0L),
            entry(SubmissionState.DELETED, 0L));
  }

  @Test
  void historySince_returnsEntriesAtOrAfterInOrderWithActor() {
    draft("s-1", EVENT, "sp-1", BASE);
    draft("s-2", OTHER_EVENT, "sp-2", T1);
    submit("s-1", 1, "GZ-01", T1);
    use(
        storage,
        tx -> {
          submissions.changeState(
              tx, "s-1", SUBMITTED, SHORTLISTED, null, null, "telegram:42", "strong", T2);
          submissions.changeState(
              tx, "s-1", SHORTLISTED, ACCEPTED, null, null, "wechat:o-9", "welcome", T2);
        });

    assertThat(in(storage, (Tx tx) -> submissions.historySince(tx, EVENT, T1)))
        .containsExactly(
            new HistoryEntry("s-1", DRAFT, SUBMITTED, "speaker", null, T1),
            new HistoryEntry("s-1", SUBMITTED, SHORTLISTED, "telegram:42", "strong", T2),
            new HistoryEntry("s-1", SHORTLISTED, ACCEPTED, "wechat:o-9", "welcome", T2));
    assertThat(in(storage, (Tx tx) -> submissions.historySince(tx, EVENT, T3))).isEmpty();
  }

  @Test
  void deleteDraft_deletesDraftWithItsAnswersAndHistory() {
    draft("s-1", EVENT, "sp-1", BASE);
    use(storage, tx -> storage.answers().put(tx, "s-1", Answer.text("title", "T"), false, BASE));

    use(storage, tx -> submissions.deleteDraft(tx, "s-1"));

    assertThat(in(storage, (Tx tx) -> submissions.get(tx, "s-1"))).isEmpty();
    assertThat(in(storage, (Tx tx) -> storage.answers().answers(tx, "s-1", true))).isEmpty();
    assertThat(in(storage, (Tx tx) -> submissions.historySince(tx, EVENT, BASE))).isEmpty();
  }

  @Test
  void deleteDraft_submittedSubmission_isKept() {
    draft("s-1", EVENT, "sp-1", BASE);
    submit("s-1", 1, "GZ-01", T1);

    use(storage, tx -> submissions.deleteDraft(tx, "s-1"));

    assertThat(get("s-1").state()).isEqualTo(SUBMITTED);
  }

  @Test
  void listBySpeaker_returnsAllEventsOldestFirst() {
    draft("s-b", OTHER_EVENT, "sp-1", T2);
    draft("s-a", EVENT, "sp-1", T1);
    draft("s-c", EVENT, "sp-2", BASE);

    assertThat(in(storage, (Tx tx) -> submissions.listBySpeaker(tx, "sp-1")))
        .extracting(Submission::id)
        .containsExactly("s-a", "s-b");
  }

  @Test
  void listSubmitted_returnsEverConfirmedByNumber() {
    draft("s-1", EVENT, "sp-1", BASE);
    draft("s-2", EVENT, "sp-2", BASE);
    draft("s-3", EVENT, "sp-2", BASE);
    draft("s-4", OTHER_EVENT, "sp-2", BASE);
    submit("s-2", 1, "GZ-01", T1);
    submit("s-1", 2, "GZ-02", T1);
    submit("s-4", 1, "SH-01", T1);
    use(
        storage,
        tx ->
            submissions.changeState(
                tx, "s-2", SUBMITTED, WITHDRAWN, null, null, "speaker", null, T2));

    assertThat(in(storage, (Tx tx) -> submissions.listSubmitted(tx, EVENT)))
        .extracting(Submission::id, Submission::number, Submission::state)
        .containsExactly(tuple("s-2", 1, WITHDRAWN), tuple("s-1", 2, SUBMITTED));
  }

  @Test
  void listDrafts_returnsDraftsOfEventOldestFirst() {
    draft("s-1", EVENT, "sp-1", T2);
    draft("s-2", EVENT, "sp-2", T1);
    draft("s-3", EVENT, "sp-2", T3);
    draft("s-4", OTHER_EVENT, "sp-2", BASE);
    submit("s-3", 1, "GZ-01", T3);

    assertThat(in(storage, (Tx tx) -> submissions.listDrafts(tx, EVENT)))
        .extracting(Submission::id)
        .containsExactly("s-2", "s-1");
  }

  @Test
  void findByCode_ignoresCase() {
    draft("s-1", EVENT, "sp-1", BASE);
    submit("s-1", 7, "GZ-07", T1);

    assertThat(in(storage, (Tx tx) -> submissions.findByCode(tx, "gz-07")))
        .map(Submission::id)
        .contains("s-1");
    assertThat(in(storage, (Tx tx) -> submissions.findByCode(tx, "GZ-07")))
        .map(Submission::id)
        .contains("s-1");
    assertThat(in(storage, (Tx tx) -> submissions.findByCode(tx, "GZ-08"))).isEmpty();
  }

  @Test
  void touch_setsUpdatedAtOnly() {
    draft("s-1", EVENT, "sp-1", BASE);

    use(storage, tx -> submissions.touch(tx, "s-1", T3));

    assertThat(get("s-1"))
        .isEqualTo(
            new Submission("s-1", EVENT, "sp-1", null, null, DRAFT, BASE, T3, null, null, null));
  }
}
