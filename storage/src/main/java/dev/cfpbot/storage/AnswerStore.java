package dev.cfpbot.storage;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers of submissions. A confirmed proposal keeps its answers while the speaker edits it: the
 * edits are stored as pending answers and replace the confirmed ones only on re-confirmation.
 */
public final class AnswerStore {
  private final boolean postgres;

  /**
   * @param postgres the database is PostgreSQL (else H2): they spell an upsert differently
   */
  public AnswerStore(boolean postgres) {
    this.postgres = postgres;
  }

  private static final String COLUMNS =
      "submission_id, field_id, pending, text_value, file_name, file_type, file_size, file_sha256,"
          + " file_path, file_ref, message_id";

  /** Saves (inserts or replaces) one answer. */
  public void put(Tx tx, String submissionId, Answer answer, boolean pending, Instant at) {
    FileRef file = answer.file();
    // One statement either way, in each database's own words for "insert or replace".
    String upsert =
        postgres
            ? "insert into answers ("
                + COLUMNS
                + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (submission_id, field_id, pending) do update set"
                + " text_value = excluded.text_value, file_name = excluded.file_name,"
                + " file_type = excluded.file_type, file_size = excluded.file_size,"
                + " file_sha256 = excluded.file_sha256, file_path = excluded.file_path,"
                + " file_ref = excluded.file_ref, message_id = excluded.message_id,"
                + " updated_at = excluded.updated_at"
            : "merge into answers ("
                + COLUMNS
                + ", updated_at) key (submission_id, field_id, pending)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    tx.update(
        "save answer",
        upsert,
        submissionId,
        answer.fieldId(),
        pending,
        answer.text(),
        file == null ? null : file.name(),
        file == null ? null : file.type(),
        file == null ? null : file.size(),
        file == null ? null : file.sha256(),
        file == null ? null : file.path(),
        file == null ? null : file.platformRef(),
        answer.messageId(),
        at);
  }

  public void remove(Tx tx, String submissionId, String fieldId, boolean pending) {
    tx.update(
        "remove answer",
        "delete from answers where submission_id = ? and field_id = ? and pending = ?",
        submissionId,
        fieldId,
        pending);
  }

  /**
   * The answers of a submission by field id. With {@code includePending}, pending edits take the
   * place of the confirmed answers they replace; a pending row with neither text nor file stands
   * for an answer the speaker removed.
   */
  public Map<String, Answer> answers(Tx tx, String submissionId, boolean includePending) {
    return answersOf(tx, List.of(submissionId), includePending)
        .getOrDefault(submissionId, Map.of());
  }

  /** Answers of several submissions at once, by submission id and then field id. */
  public Map<String, Map<String, Answer>> answersOf(
      Tx tx, Collection<String> submissionIds, boolean includePending) {
    Map<String, Map<String, Answer>> result = new HashMap<>();
    if (submissionIds.isEmpty()) {
      return result;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(submissionIds.size(), "?"));
    List<Row> rows =
        tx.list(
            "read answers",
            "select "
                + COLUMNS
                + " from answers where submission_id in ("
                + marks
                + ") order by pending",
            AnswerStore::map,
            submissionIds.toArray());
    for (Row row : rows) {
      if (row.pending && !includePending) {
        continue;
      }
      Map<String, Answer> answers =
          result.computeIfAbsent(row.submissionId, k -> new LinkedHashMap<>());
      if (row.pending && row.answer.text() == null && row.answer.file() == null) {
        answers.remove(row.answer.fieldId());
      } else {
        answers.put(row.answer.fieldId(), row.answer);
      }
    }
    return result;
  }

  /**
   * Whether any answer, pending or not, refers to the stored file at {@code path} (relative to the
   * data directory): a file no answer refers to may be deleted.
   */
  public boolean fileReferenced(Tx tx, String path) {
    return tx.count(
            "look for answers with a file",
            "select count(*) from answers where file_path = ?",
            path)
        > 0;
  }

  /** Which of {@code submissionIds} have edits that are not confirmed yet. */
  public java.util.Set<String> withPending(Tx tx, Collection<String> submissionIds) {
    if (submissionIds.isEmpty()) {
      return java.util.Set.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(submissionIds.size(), "?"));
    return new java.util.HashSet<>(
        tx.list(
            "look for pending answers",
            "select distinct submission_id from answers where pending = true and submission_id in ("
                + marks
                + ")",
            row -> row.getString(1),
            submissionIds.toArray()));
  }

  /** Whether the speaker has edits to this submission that are not confirmed yet. */
  public boolean hasPending(Tx tx, String submissionId) {
    return tx.count(
            "look for pending answers",
            "select count(*) from answers where submission_id = ? and pending = true",
            submissionId)
        > 0;
  }

  /** Makes the pending edits the confirmed answers; returns the ids of the fields they changed. */
  public List<String> promotePending(Tx tx, String submissionId, Instant at) {
    List<Row> pending =
        tx.list(
            "read pending answers",
            "select " + COLUMNS + " from answers where submission_id = ? and pending = true",
            AnswerStore::map,
            submissionId);
    for (Row row : pending) {
      remove(tx, submissionId, row.answer.fieldId(), false);
      if (row.answer.text() != null || row.answer.file() != null) {
        put(tx, submissionId, row.answer, false, at);
      }
    }
    discardPending(tx, submissionId);
    return pending.stream().map(r -> r.answer.fieldId()).toList();
  }

  public void discardPending(Tx tx, String submissionId) {
    tx.update(
        "discard pending answers",
        "delete from answers where submission_id = ? and pending = true",
        submissionId);
  }

  /**
   * The pending edits of a submission by field id, as stored: an answer with neither text nor file
   * stands for one the speaker removed.
   */
  public Map<String, Answer> pending(Tx tx, String submissionId) {
    Map<String, Answer> edits = new LinkedHashMap<>();
    tx.list(
            "read pending answers",
            "select " + COLUMNS + " from answers where submission_id = ? and pending = true",
            AnswerStore::map,
            submissionId)
        .forEach(row -> edits.put(row.answer.fieldId(), row.answer));
    return edits;
  }

  /** Deletes every answer of a submission, pending edits included. */
  public int deleteAll(Tx tx, String submissionId) {
    return tx.update("delete answers", "delete from answers where submission_id = ?", submissionId);
  }

  /** The stored files the answers of these submissions refer to, pending edits included. */
  public List<String> filePaths(Tx tx, Collection<String> submissionIds) {
    if (submissionIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(submissionIds.size(), "?"));
    return tx.list(
        "list stored files of submissions",
        "select distinct file_path from answers where file_path is not null"
            + " and submission_id in ("
            + marks
            + ") order by file_path",
        row -> row.getString(1),
        submissionIds.toArray());
  }

  /** What a purge removed: how many answers, and the files they referred to. */
  public record Purged(int answers, List<String> files) {}

  /**
   * Purges the answers of an event once its retention has run out: every answer of a proposal that
   * was not accepted (drafts included), every pending edit, and of accepted proposals every answer
   * but those to the fields in {@code keep}.
   */
  public Purged purgeEvent(Tx tx, String eventId, Collection<String> keep) {
    String ofEvent = "submission_id in (select id from submissions where event_id = ?)";
    String accepted =
        "submission_id in (select id from submissions where event_id = ? and state = 'ACCEPTED')";
    String kept =
        keep.isEmpty()
            ? ""
            : " and field_id in ("
                + String.join(", ", java.util.Collections.nCopies(keep.size(), "?"))
                + ")";
    // What stays: the public fields' confirmed answers of accepted proposals.
    String stays = accepted + " and pending = false" + (keep.isEmpty() ? " and 1 = 0" : kept);
    List<Object> params = new java.util.ArrayList<>();
    params.add(eventId);
    params.add(eventId);
    params.addAll(keep);
    Object[] args = params.toArray();
    String doomed = "from answers where " + ofEvent + " and not (" + stays + ")";
    List<String> files =
        tx.list(
            "list files to purge",
            "select distinct file_path " + doomed + " and file_path is not null order by file_path",
            row -> row.getString(1),
            args);
    int deleted = tx.update("purge answers", "delete " + doomed, args);
    return new Purged(deleted, files);
  }

  private record Row(String submissionId, boolean pending, Answer answer) {}

  private static Row map(ResultSet row) throws SQLException {
    String fileName = row.getString("file_name");
    FileRef file =
        fileName == null
            ? null
            : new FileRef(
                fileName,
                row.getString("file_type"),
                row.getLong("file_size"),
                row.getString("file_sha256"),
                row.getString("file_path"),
                row.getString("file_ref"));
    return new Row(
        row.getString("submission_id"),
        row.getBoolean("pending"),
        new Answer(
            row.getString("field_id"),
            row.getString("text_value"),
            file,
            row.getString("message_id")));
  }
}
