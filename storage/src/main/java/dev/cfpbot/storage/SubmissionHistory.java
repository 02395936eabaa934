package dev.cfpbot.storage;

import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.SubmissionState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The history of submissions: every state change, who made it and when (submission_history). */
final class SubmissionHistory {
  private SubmissionHistory() {}

  /** Every state change of one submission, oldest first. */
  static List<HistoryEntry> of(Tx tx, String submissionId) {
    return tx.list(
        "read history of submission",
        "select submission_id, from_state, to_state, actor, note, at from submission_history"
            + " where submission_id = ? order by at, id",
        SubmissionHistory::map,
        submissionId);
  }

  /** History entries written at or after {@code since}, oldest first. */
  static List<HistoryEntry> since(Tx tx, String eventId, Instant since) {
    return tx.list(
        "read submission history",
        "select h.submission_id, h.from_state, h.to_state, h.actor, h.note, h.at"
            + " from submission_history h join submissions s on s.id = h.submission_id"
            + " where s.event_id = ? and h.at >= ? order by h.at, h.id",
        SubmissionHistory::map,
        eventId,
        since);
  }

  private static HistoryEntry map(ResultSet row) throws SQLException {
    return new HistoryEntry(
        row.getString(1),
        row.getString(2) == null ? null : SubmissionState.valueOf(row.getString(2)),
        SubmissionState.valueOf(row.getString(3)),
        row.getString(4),
        row.getString(5),
        Tx.instant(row, "at"));
  }

  static void append(Tx tx, HistoryEntry entry) {
    tx.update(
        "record submission history",
        "insert into submission_history (submission_id, from_state, to_state, actor, note, at)"
            + " values (?, ?, ?, ?, ?, ?)",
        entry.submissionId(),
        entry.from(),
        entry.to(),
        entry.actor(),
        entry.note(),
        entry.at());
  }
}
