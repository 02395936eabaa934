package dev.cfpbot.storage;

import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.rows.DecisionNotice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decisions and the messages they send the speaker after their delay. Whether a message has left is
 * read from the outbox itself (its first part still pending and never tried: it has not), so that
 * nothing has to be written when the sender sends it.
 */
public final class DecisionNoticeStore {
  private static final String COLUMNS =
      "n.id, n.submission_id, n.state, n.baseline_state, n.tells, n.correction, n.outbox_ids,"
          + " n.actor, n.decided_at, n.due_at, n.closed_at, n.closed_by,"
          + " case when exists (select 1 from outbox o where o.id = n.first_outbox_id"
          + " and o.state = 'PENDING' and o.attempts = 0) then 1 else 0 end as waiting";

  public void insert(Tx tx, DecisionNotice n) {
    tx.update(
        "record decision notice",
        "insert into decision_notices (submission_id, state, baseline_state, tells, correction,"
            + " first_outbox_id, outbox_ids, actor, decided_at, due_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        n.submissionId(),
        n.state(),
        n.baselineState(),
        n.tells(),
        n.correction(),
        n.outboxIds().isEmpty() ? null : n.outboxIds().get(0),
        n.outboxIds().isEmpty() ? null : String.join(" ", n.outboxIds()),
        n.actor(),
        n.decidedAt(),
        n.dueAt());
  }

  /** The newest decision of a proposal that was not undone or replaced, if any. */
  public Optional<DecisionNotice> latestOpen(Tx tx, String submissionId) {
    return tx.first(
        "find open decision notice",
        "select "
            + COLUMNS
            + " from decision_notices n where n.submission_id = ? and n.closed_at is null"
            + " order by n.id desc limit 1",
        DecisionNoticeStore::map,
        submissionId);
  }

  /** Every decision of a proposal, oldest first: what the speaker was told, and what was undone. */
  public List<DecisionNotice> of(Tx tx, String submissionId) {
    return tx.list(
        "list decision notices",
        "select " + COLUMNS + " from decision_notices n where n.submission_id = ? order by n.id",
        DecisionNoticeStore::map,
        submissionId);
  }

  /** The newest open decision of each of an event's proposals that has one. */
  public Map<String, DecisionNotice> latestOpenOfEvent(Tx tx, String eventId) {
    Map<String, DecisionNotice> latest = new HashMap<>();
    tx.list(
            "list open decision notices of event",
            "select "
                + COLUMNS
                + " from decision_notices n join submissions s on s.id = n.submission_id"
                + " where s.event_id = ? and n.closed_at is null order by n.id",
            DecisionNoticeStore::map,
            eventId)
        .forEach(n -> latest.put(n.submissionId(), n));
    return latest;
  }

  /** The decision the speaker was last told, if any. */
  public Optional<SubmissionState> told(Tx tx, String submissionId) {
    List<DecisionNotice> all = of(tx, submissionId);
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).told()) {
        return Optional.of(all.get(i).state());
      }
    }
    return Optional.empty();
  }

  /** Marks a decision undone or replaced by {@code actor}: its message never leaves. */
  public void close(Tx tx, long id, String actor, Instant at) {
    tx.update(
        "close decision notice",
        "update decision_notices set closed_at = ?, closed_by = ? where id = ? and closed_at is null",
        at,
        actor,
        id);
  }

  /** Deletes every decision of a proposal (its speaker had their data deleted). */
  public int deleteFor(Tx tx, String submissionId) {
    return tx.update(
        "delete decision notices",
        "delete from decision_notices where submission_id = ?",
        submissionId);
  }

  static DecisionNotice map(ResultSet row) throws SQLException {
    String ids = row.getString("outbox_ids");
    return new DecisionNotice(
        row.getLong("id"),
        row.getString("submission_id"),
        SubmissionState.valueOf(row.getString("state")),
        SubmissionState.valueOf(row.getString("baseline_state")),
        row.getBoolean("tells"),
        row.getBoolean("correction"),
        ids == null ? List.of() : Arrays.asList(ids.split(" ")),
        row.getString("actor"),
        Tx.instant(row, "decided_at"),
        Tx.instant(row, "due_at"),
        Tx.instant(row, "closed_at"),
        row.getString("closed_by"),
        row.getInt("waiting") == 1);
  }
}
