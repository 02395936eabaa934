package dev.cfpbot.storage;

import static dev.cfpbot.domain.SubmissionState.ACCEPTED;
import static dev.cfpbot.domain.SubmissionState.CONFIRMED;
import static dev.cfpbot.domain.SubmissionState.DECLINED;
import static dev.cfpbot.domain.SubmissionState.DELETED;
import static dev.cfpbot.domain.SubmissionState.DRAFT;
import static dev.cfpbot.domain.SubmissionState.REJECTED;
import static dev.cfpbot.domain.SubmissionState.SUBMITTED;
import static dev.cfpbot.domain.SubmissionState.WITHDRAWN;
import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.rows.Conversation;
import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The queries behind the speaker's data rights: tombstones of forgotten speakers, and the purge
 * once an event's retention has run out. Runs on H2 and on PostgreSQL.
 */
@ExtendWith(StorageExtension.class)
class DataRightsStoreTest {
  private static final String EVENT = "gz-2027";
  private static final String OTHER = "sh-2027";
  private static final Instant T1 = BASE.plusSeconds(60);
  private static final Instant T2 = BASE.plusSeconds(120);
  private static final List<String> PUBLIC = List.of("name", "title", "abstract");

  private Storage storage;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    Fixtures.insertSpeaker(storage, "sp-1");
    Fixtures.insertSpeaker(storage, "sp-2");
  }

  private static FileRef file(String name) {
    return new FileRef(name, "application/pdf", 2048, "ab12", "files/ab/" + name, null);
  }

  /** A proposal of {@code speaker} confirmed as {@code number}, then moved to {@code state}. */
  private void proposal(
      String id, String event, String speaker, int number, SubmissionState state) {
    use(
        storage,
        tx -> {
          storage.submissions().insertDraft(tx, id, event, speaker, BASE);
          storage
              .submissions()
              .changeState(tx, id, DRAFT, SUBMITTED, number, "GZ-0" + number, "speaker", null, T1);
          SubmissionState from = SUBMITTED;
          if (state == CONFIRMED || state == DECLINED) {
            storage
                .submissions()
                .changeState(tx, id, SUBMITTED, ACCEPTED, null, null, "org", null, T1);
            from = ACCEPTED;
          }
          if (state != from) {
            storage
                .submissions()
                .changeState(tx, id, from, state, null, null, "speaker", "reason of " + id, T1);
          }
        });
  }

  /** Every field of the seed form answered, the slides as a file. */
  private void answerAll(String id) {
    use(
        storage,
        tx -> {
          for (String field : List.of("name", "bio", "wechat", "phone", "title", "abstract")) {
            storage.answers().put(tx, id, Answer.text(field, field + " of " + id), false, BASE);
          }
          storage.answers().put(tx, id, Answer.file("slides", file(id + ".pdf")), false, BASE);
        });
  }

  private Map<String, Answer> answers(String id) {
    return in(storage, (Tx tx) -> storage.answers().answers(tx, id, true));
  }

  private Submission get(String id) {
    return in(storage, (Tx tx) -> storage.submissions().get(tx, id)).orElseThrow();
  }

  @Test
  void tombstone_keepsCodeEventAndDates_losesAnswersSpeakerAndConversation() {
    proposal("s-1", EVENT, "sp-1", 1, SUBMITTED);
    answerAll("s-1");
    use(storage, tx -> storage.answers().put(tx, "s-1", Answer.text("title", "New"), true, T1));
    use(
        storage,
        tx ->
            storage
                .conversations()
                .save(tx, new Conversation("sp-1", "IDLE", null, null, null, 0, false, 0, T1), -1));

    use(
        storage,
        tx -> {
          assertThat(storage.answers().deleteAll(tx, "s-1")).isEqualTo(8);
          storage
              .submissions()
              .changeState(tx, "s-1", SUBMITTED, DELETED, null, null, "speaker", null, T2);
          assertThat(storage.submissions().detachSpeaker(tx, "sp-1")).isEqualTo(1);
          storage.conversations().delete(tx, "sp-1");
          storage.speakers().delete(tx, "sp-1");
        });

    assertThat(get("s-1"))
        .isEqualTo(
            new Submission("s-1", EVENT, null, 1, "GZ-01", DELETED, BASE, T2, T1, null, null));
    assertThat(answers("s-1")).isEmpty();
    assertThat(in(storage, (Tx tx) -> storage.speakers().get(tx, "sp-1"))).isEmpty();
    assertThat(in(storage, (Tx tx) -> storage.conversations().find(tx, "sp-1"))).isEmpty();
    assertThat(in(storage, (Tx tx) -> storage.submissions().history(tx, "s-1")))
        .containsExactly(
            new HistoryEntry("s-1", null, DRAFT, "speaker", null, BASE),
            new HistoryEntry("s-1", DRAFT, SUBMITTED, "speaker", null, T1),
            new HistoryEntry("s-1", SUBMITTED, DELETED, "speaker", null, T2));
    assertThat(in(storage, (Tx tx) -> storage.submissions().countByState(tx, EVENT)))
        .contains(entry(DELETED, 1L), entry(SUBMITTED, 0L));
    assertThat(in(storage, (Tx tx) -> storage.submissions().listSubmitted(tx, EVENT)))
        .extracting(Submission::code)
        .containsExactly("GZ-01");
  }

  @Test
  void speakersOf_leavesOutTombstones() {
    proposal("s-1", EVENT, "sp-1", 1, SUBMITTED);
    proposal("s-2", EVENT, "sp-2", 2, SUBMITTED);
    use(
        storage,
        tx -> {
          storage
              .submissions()
              .changeState(tx, "s-1", SUBMITTED, DELETED, null, null, "speaker", null, T2);
          storage.submissions().detachSpeaker(tx, "sp-1");
        });

    assertThat(in(storage, (Tx tx) -> storage.submissions().speakersOf(tx, EVENT)))
        .containsExactly("sp-2");
  }

  @Test
  void fileReferenced_isTrueWhileAnyAnswerPendingOrNotHasTheFile() {
    proposal("s-1", EVENT, "sp-1", 1, SUBMITTED);
    proposal("s-2", EVENT, "sp-2", 2, SUBMITTED);
    String path = "files/ab/same.pdf";
    use(
        storage,
        tx -> {
          storage.answers().put(tx, "s-1", Answer.file("slides", file("same.pdf")), false, BASE);
          storage.answers().put(tx, "s-2", Answer.file("slides", file("same.pdf")), true, BASE);
        });

    assertThat(in(storage, (Tx tx) -> storage.answers().fileReferenced(tx, path))).isTrue();
    use(storage, tx -> storage.answers().deleteAll(tx, "s-1"));
    assertThat(in(storage, (Tx tx) -> storage.answers().fileReferenced(tx, path))).isTrue();
    use(storage, tx -> storage.answers().deleteAll(tx, "s-2"));
    assertThat(in(storage, (Tx tx) -> storage.answers().fileReferenced(tx, path))).isFalse();
  }

  @Test
  void filePaths_andPending_readWhatASpeakerStored() {
    proposal("s-1", EVENT, "sp-1", 1, SUBMITTED);
    answerAll("s-1");
    use(
        storage,
        tx -> {
          storage.answers().put(tx, "s-1", Answer.file("slides", file("v2.pdf")), true, T1);
          storage.answers().put(tx, "s-1", new Answer("wechat", null, null), true, T1);
        });

    assertThat(in(storage, (Tx tx) -> storage.answers().filePaths(tx, List.of("s-1", "s-9"))))
        .containsExactly("files/ab/s-1.pdf", "files/ab/v2.pdf");
    assertThat(in(storage, (Tx tx) -> storage.answers().pending(tx, "s-1")))
        .containsOnly(
            entry("slides", Answer.file("slides", file("v2.pdf"))),
            entry("wechat", new Answer("wechat", null, null)));
  }

  @Test
  void purgeEvent_keepsOnlyThePublicAnswersOfAcceptedProposals() {
    proposal("accepted", EVENT, "sp-1", 1, ACCEPTED);
    proposal("rejected", EVENT, "sp-1", 2, REJECTED);
    proposal("withdrawn", EVENT, "sp-2", 3, WITHDRAWN);
    proposal("submitted", EVENT, "sp-2", 4, SUBMITTED);
    proposal("elsewhere", OTHER, "sp-2", 1, REJECTED);
    use(storage, tx -> storage.submissions().insertDraft(tx, "draft", EVENT, "sp-2", BASE));
    for (String id :
        List.of("accepted", "rejected", "withdrawn", "submitted", "elsewhere", "draft")) {
      answerAll(id);
    }
    use(
        storage,
        tx -> storage.answers().put(tx, "accepted", Answer.text("title", "Edit"), true, T1));

    AnswerStore.Purged purged =
        in(storage, (Tx tx) -> storage.answers().purgeEvent(tx, EVENT, PUBLIC));

    // 7 answers each of three proposals and the draft; 4 of the accepted one, and its edit.
    assertThat(purged.answers()).isEqualTo(4 * 7 + 4 + 1);
    assertThat(purged.files())
        .containsExactly(
            "files/ab/accepted.pdf",
            "files/ab/draft.pdf",
            "files/ab/rejected.pdf",
            "files/ab/submitted.pdf",
            "files/ab/withdrawn.pdf");
    assertThat(answers("accepted"))
        .containsOnlyKeys("name", "title", "abstract")
        .containsEntry("title", Answer.text("title", "title of accepted"));
    for (String id : List.of("rejected", "withdrawn", "submitted", "draft")) {
      assertThat(answers(id)).isEmpty();
    }
    assertThat(answers("elsewhere")).hasSize(7);
  }

  @Test
  void purgeEvent_keepsThePublicAnswersOfConfirmedTalks_notOfDeclinedOnes() {
    proposal("confirmed", EVENT, "sp-1", 1, CONFIRMED);
    proposal("declined", EVENT, "sp-2", 2, DECLINED);
    answerAll("confirmed");
    answerAll("declined");

    AnswerStore.Purged purged =
        in(storage, (Tx tx) -> storage.answers().purgeEvent(tx, EVENT, PUBLIC));

    assertThat(purged.answers()).isEqualTo(4 + 7);
    assertThat(answers("confirmed")).containsOnlyKeys("name", "title", "abstract");
    assertThat(answers("declined")).isEmpty();
  }

  @Test
  void clearDeclineReasons_emptiesWhatSpeakersWroteWhenDeclining_ofThatEventOnly() {
    proposal("declined", EVENT, "sp-1", 1, DECLINED);
    proposal("elsewhere", OTHER, "sp-2", 1, DECLINED);

    int cleared = in(storage, (Tx tx) -> storage.submissions().clearDeclineReasons(tx, EVENT));

    assertThat(cleared).isEqualTo(1);
    assertThat(in(storage, (Tx tx) -> storage.submissions().history(tx, "declined")))
        .extracting(HistoryEntry::note)
        .containsExactly(null, null, null, null);
    assertThat(in(storage, (Tx tx) -> storage.submissions().history(tx, "elsewhere")))
        .extracting(HistoryEntry::note)
        .containsExactly(null, null, null, "reason of elsewhere");
  }

  @Test
  void clearSpeakerNotes_emptiesTheSpeakersNotes_andKeepsTheOrganizers() {
    proposal("declined", EVENT, "sp-1", 1, DECLINED);
    use(
        storage,
        tx ->
            storage
                .submissions()
                .appendHistory(
                    tx, new HistoryEntry("declined", DECLINED, DECLINED, "org", "kept", T2)));

    in(storage, (Tx tx) -> storage.submissions().clearSpeakerNotes(tx, "declined"));

    assertThat(in(storage, (Tx tx) -> storage.submissions().history(tx, "declined")))
        .extracting(HistoryEntry::note)
        .containsExactly(null, null, null, null, "kept");
  }

  @Test
  void purgeEvent_again_removesNothingMore() {
    proposal("accepted", EVENT, "sp-1", 1, ACCEPTED);
    answerAll("accepted");
    in(storage, (Tx tx) -> storage.answers().purgeEvent(tx, EVENT, PUBLIC));

    AnswerStore.Purged again =
        in(storage, (Tx tx) -> storage.answers().purgeEvent(tx, EVENT, PUBLIC));

    assertThat(again).isEqualTo(new AnswerStore.Purged(0, List.of()));
    assertThat(answers("accepted")).containsOnlyKeys("name", "title", "abstract");
  }

  @Test
  void purgeEvent_withoutPublicFields_removesEveryAnswer() {
    proposal("accepted", EVENT, "sp-1", 1, ACCEPTED);
    answerAll("accepted");

    AnswerStore.Purged purged =
        in(storage, (Tx tx) -> storage.answers().purgeEvent(tx, EVENT, List.of()));

    assertThat(purged.answers()).isEqualTo(7);
    assertThat(answers("accepted")).isEmpty();
  }

  @Test
  void outbox_forgetRecipient_deletesUpToTheMark_andKeepsLaterAndOtherRecipients() {
    use(
        storage,
        tx -> {
          storage.outbox().enqueue(tx, "a1", "telegram", "1001", "reply", "{}", BASE, BASE);
          storage.outbox().enqueue(tx, "b1", "telegram", "2002", "reply", "{}", BASE, BASE);
          storage.outbox().enqueue(tx, "a2", "wechat", "1001", "reply", "{}", BASE, BASE);
        });
    long mark = in(storage, (Tx tx) -> storage.outbox().lastSeq(tx, "telegram", "1001"));
    use(
        storage,
        tx -> storage.outbox().enqueue(tx, "a3", "telegram", "1001", "reply", "{}", BASE, BASE));

    int deleted =
        in(storage, (Tx tx) -> storage.outbox().forgetRecipient(tx, "telegram", "1001", mark));

    assertThat(deleted).isEqualTo(1);
    assertThat(in(storage, (Tx tx) -> storage.outbox().listByRecipient(tx, "telegram", "1001")))
        .extracting(m -> m.id())
        .containsExactly("a3");
    assertThat(in(storage, (Tx tx) -> storage.outbox().lastSeq(tx, "telegram", "3003"))).isZero();
    assertThat(in(storage, (Tx tx) -> tx.count("count", "select count(*) from outbox")))
        .isEqualTo(3);
  }

  @Test
  void outbox_forgetRecipient_keepsTheMessageBeingSent_soTheNextWaitsForIt() {
    use(
        storage,
        tx -> {
          storage.outbox().enqueue(tx, "in-flight", "telegram", "1001", "reply", "{}", BASE, BASE);
          storage.outbox().enqueue(tx, "waiting", "telegram", "1001", "reply", "{}", BASE, BASE);
        });
    in(
        storage,
        (Tx tx) ->
            storage
                .outbox()
                .claimDue(tx, List.of("telegram"), "sender", BASE, Duration.ofMinutes(1), 10));
    long mark = in(storage, (Tx tx) -> storage.outbox().lastSeq(tx, "telegram", "1001"));
    use(
        storage,
        tx -> storage.outbox().enqueue(tx, "done", "telegram", "1001", "reply", "{}", BASE, BASE));

    int deleted =
        in(storage, (Tx tx) -> storage.outbox().forgetRecipient(tx, "telegram", "1001", mark));

    // The one being sent leaves anyway: while its row is there, "done" is not claimed before it.
    assertThat(deleted).isEqualTo(1);
    assertThat(in(storage, (Tx tx) -> storage.outbox().listByRecipient(tx, "telegram", "1001")))
        .extracting(m -> m.id())
        .containsExactly("in-flight", "done");
    assertThat(
            in(
                storage,
                (Tx tx) ->
                    storage
                        .outbox()
                        .claimDue(
                            tx, List.of("telegram"), "sender", BASE, Duration.ofMinutes(1), 10)))
        .isEmpty();
  }

  @Test
  void outbox_pruneDone_deletesOnlyOldSentAndFailedMessages() {
    use(
        storage,
        tx -> {
          storage.outbox().enqueue(tx, "old-sent", "telegram", "1", "reply", "{}", BASE, BASE);
          storage.outbox().enqueue(tx, "old-failed", "telegram", "2", "reply", "{}", BASE, BASE);
          storage.outbox().enqueue(tx, "new-sent", "telegram", "3", "reply", "{}", BASE, BASE);
          storage.outbox().enqueue(tx, "pending", "telegram", "4", "reply", "{}", BASE, BASE);
        });
    use(
        storage,
        tx -> {
          storage.outbox().markSent(tx, seq(tx, "old-sent"), "m1", BASE);
          storage.outbox().markFailed(tx, seq(tx, "old-failed"), "refused", BASE);
          storage.outbox().markSent(tx, seq(tx, "new-sent"), "m3", T2);
        });

    assertThat(in(storage, (Tx tx) -> storage.outbox().pruneDone(tx, T1))).isEqualTo(2);
    assertThat(
            in(
                storage,
                (Tx tx) ->
                    tx.list("ids", "select id from outbox order by seq", r -> r.getString(1))))
        .containsExactly("new-sent", "pending");
  }

  private static long seq(Tx tx, String id) {
    return tx.count("seq", "select seq from outbox where id = ?", id);
  }

  @Test
  void inbox_forgetChat_blanksRepliesAndDeletesIdsThatNameThePerson() {
    use(
        storage,
        tx -> {
          storage.inbox().record(tx, "wechat", "msg:1", "o_a-1", BASE, "电话：+8613800138000");
          storage.inbox().record(tx, "wechat", "event:o_a-1:17:subscribe", "o_a-1", BASE, "欢迎");
          storage.inbox().record(tx, "wechat", "msg:2", "o_b-2", BASE, "其他人");
          storage.inbox().record(tx, "wechat", "event:oXa-1:18:subscribe", "o_a-1", BASE, "x");
        });

    int forgotten = in(storage, (Tx tx) -> storage.inbox().forgetChat(tx, "wechat", "o_a-1"));

    assertThat(forgotten).isEqualTo(3);
    assertThat(in(storage, (Tx tx) -> storage.inbox().find(tx, "wechat", "msg:1")))
        .contains(new InboxStore.Handled(BASE, null));
    assertThat(
            in(storage, (Tx tx) -> storage.inbox().find(tx, "wechat", "event:o_a-1:17:subscribe")))
        .isEmpty();
    assertThat(in(storage, (Tx tx) -> storage.inbox().find(tx, "wechat", "msg:2")))
        .contains(new InboxStore.Handled(BASE, "其他人"));
    // "_" in an openid is no wildcard: an id naming someone else stays (its reply blanked).
    assertThat(
            in(storage, (Tx tx) -> storage.inbox().find(tx, "wechat", "event:oXa-1:18:subscribe")))
        .contains(new InboxStore.Handled(BASE, null));
  }
}
