package dev.cfpbot.storage;

import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submissions and their history. State changes are written by {@link #changeState}, which refuses a
 * transition the state machine does not allow and records it in the history.
 */
public final class SubmissionStore {
  static final String COLUMNS =
      "id, event_id, speaker_id, number, code, state, created_at, updated_at, submitted_at,"
          + " decided_at, withdrawn_at";

  public void insertDraft(Tx tx, String id, String eventId, String speakerId, Instant at) {
    tx.update(
        "create draft",
        "insert into submissions (id, event_id, speaker_id, state, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?)",
        id,
        eventId,
        speakerId,
        SubmissionState.DRAFT,
        at,
        at);
    appendHistory(tx, new HistoryEntry(id, null, SubmissionState.DRAFT, "speaker", null, at));
  }

  public Optional<Submission> get(Tx tx, String id) {
    return tx.first(
        "get submission",
        "select " + COLUMNS + " from submissions where id = ?",
        SubmissionStore::map,
        id);
  }

  public Optional<Submission> findByCode(Tx tx, String code) {
    return tx.first(
        "find submission by code",
        "select " + COLUMNS + " from submissions where upper(code) = upper(?)",
        SubmissionStore::map,
        code);
  }

  /** A speaker's submissions, oldest first. */
  public List<Submission> listBySpeaker(Tx tx, String speakerId) {
    return tx.list(
        "list submissions of speaker",
        "select " + COLUMNS + " from submissions where speaker_id = ? order by created_at, id",
        SubmissionStore::map,
        speakerId);
  }

  /** An event's submissions that were ever confirmed, by number. */
  public List<Submission> listSubmitted(Tx tx, String eventId) {
    return tx.list(
        "list submissions of event",
        "select "
            + COLUMNS
            + " from submissions where event_id = ? and number is not null order by number",
        SubmissionStore::map,
        eventId);
  }

  /** The drafts of an event, oldest first. */
  public List<Submission> listDrafts(Tx tx, String eventId) {
    return EventSubmissions.drafts(tx, eventId);
  }

  /** The speakers with a draft or a proposal still in play for an event. */
  public List<String> speakersOf(Tx tx, String eventId) {
    return EventSubmissions.speakers(tx, eventId);
  }

  /** The number the next confirmed submission of an event gets; see {@link SubmissionCounters}. */
  public int nextNumber(Tx tx, String eventId) {
    return SubmissionCounters.next(tx, eventId);
  }

  public Map<SubmissionState, Long> countByState(Tx tx, String eventId) {
    return EventSubmissions.countByState(tx, eventId);
  }

  /**
   * Moves a submission from {@code from} to {@code to} and records who did it. The number and code
   * are set on the first confirmation (pass null to keep them).
   *
   * @throws IllegalStateException when the state machine does not allow the transition
   * @throws ConcurrentUpdateException when the submission is no longer in state {@code from}
   */
  public void changeState(
      Tx tx,
      String id,
      SubmissionState from,
      SubmissionState to,
      Integer number,
      String code,
      String actor,
      String note,
      Instant at) {
    if (!from.canBecome(to)) {
      throw new IllegalStateException("a submission cannot go from " + from + " to " + to);
    }
    int changed =
        tx.update(
            "change submission state",
            "update submissions set state = ?, updated_at = ?,"
                + " number = coalesce(?, number), code = coalesce(?, code),"
                + " submitted_at = case when ? then ? else submitted_at end,"
                + " decided_at = case when ? then ? else decided_at end,"
                + " withdrawn_at = case when ? then ? else withdrawn_at end"
                + " where id = ? and state = ?",
            to,
            at,
            number,
            code,
            to == SubmissionState.SUBMITTED,
            at,
            to.isDecision(),
            at,
            to == SubmissionState.WITHDRAWN || to == SubmissionState.DECLINED,
            at,
            id,
            from);
    if (changed != 1) {
      throw new ConcurrentUpdateException("change submission state", "submission " + id);
    }
    if (number != null) {
      SubmissionCounters.advance(tx, id, number);
    }
    appendHistory(tx, new HistoryEntry(id, from, to, actor, note, at));
  }

  /**
   * Takes back the decision a submission is in, returning it to {@code to} (undecided, or the
   * decision it had before) and recording who did it. Its decision date goes with it when it
   * returns to undecided.
   *
   * @throws IllegalStateException when {@code from} is no decision that can return to {@code to}
   * @throws ConcurrentUpdateException when the submission is no longer in state {@code from}
   */
  public void returnTo(
      Tx tx,
      String id,
      SubmissionState from,
      SubmissionState to,
      String actor,
      String note,
      Instant at) {
    if (!from.canReturnTo(to)) {
      throw new IllegalStateException("a submission cannot return from " + from + " to " + to);
    }
    int changed =
        tx.update(
            "take back decision",
            "update submissions set state = ?, updated_at = ?,"
                + " decided_at = case when ? then decided_at else null end"
                + " where id = ? and state = ?",
            to,
            at,
            to.isDecision(),
            id,
            from);
    if (changed != 1) {
      throw new ConcurrentUpdateException("take back decision", "submission " + id);
    }
    appendHistory(tx, new HistoryEntry(id, from, to, actor, note, at));
  }

  /** Marks a submission as changed now (its answers were edited). */
  public void touch(Tx tx, String id, Instant at) {
    tx.update("touch submission", "update submissions set updated_at = ? where id = ?", at, id);
  }

  /** Deletes a draft and its answers. Confirmed submissions are never deleted. */
  public void deleteDraft(Tx tx, String id) {
    tx.update(
        "delete draft",
        "delete from submissions where id = ? and state = ?",
        id,
        SubmissionState.DRAFT);
  }

  /**
   * Cuts a speaker's submissions loose from the speaker (who is being forgotten): only tombstones
   * are left by then, and they must not point at a person.
   */
  public int detachSpeaker(Tx tx, String speakerId) {
    return tx.update(
        "detach submissions from speaker",
        "update submissions set speaker_id = null where speaker_id = ?",
        speakerId);
  }

  /**
   * Empties what the speaker wrote in a submission's history (why they declined): it goes with
   * their answers when they are forgotten.
   */
  public int clearSpeakerNotes(Tx tx, String submissionId) {
    return tx.update(
        "clear speaker notes",
        "update submission_history set note = null where submission_id = ? and actor = ?"
            + " and note is not null",
        submissionId,
        "speaker");
  }

  /** Empties the reasons speakers gave for declining an event's talks (the retention's purge). */
  public int clearDeclineReasons(Tx tx, String eventId) {
    return tx.update(
        "clear decline reasons",
        "update submission_history set note = null where actor = ? and to_state = ?"
            + " and note is not null and submission_id in"
            + " (select id from submissions where event_id = ?)",
        "speaker",
        SubmissionState.DECLINED,
        eventId);
  }

  /** Every state change of one submission, oldest first. */
  public List<HistoryEntry> history(Tx tx, String submissionId) {
    return SubmissionHistory.of(tx, submissionId);
  }

  /** History entries written at or after {@code since}, oldest first. */
  public List<HistoryEntry> historySince(Tx tx, String eventId, Instant since) {
    return SubmissionHistory.since(tx, eventId, since);
  }

  public void appendHistory(Tx tx, HistoryEntry entry) {
    SubmissionHistory.append(tx, entry);
  }

  static Submission map(ResultSet row) throws SQLException {
    return new Submission(
        row.getString("id"),
        row.getString("event_id"),
        row.getString("speaker_id"),
        Tx.nullableInt(row, "number"),
        row.getString("code"),
        SubmissionState.valueOf(row.getString("state")),
        Tx.instant(row, "created_at"),
        Tx.instant(row, "updated_at"),
        Tx.instant(row, "submitted_at"),
        Tx.instant(row, "decided_at"),
        Tx.instant(row, "withdrawn_at"));
  }
}
