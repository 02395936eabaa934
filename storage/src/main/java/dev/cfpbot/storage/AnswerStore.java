package dev.cfpbot.storage;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
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

  /** Saves (inserts or replaces) one answer. */
  public void put(Tx tx, String submissionId, Answer answer, boolean pending, Instant at) {
    FileRef file = answer.file();
    // One statement either way, in each database's own words for "insert or replace".
    String upsert =
        postgres
            ? "insert into answers ("
                + AnswerRows.COLUMNS
                + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (submission_id, field_id, pending) do update set"
                + " text_value = excluded.text_value, file_name = excluded.file_name,"
                + " file_type = excluded.file_type, file_size = excluded.file_size,"
                + " file_sha256 = excluded.file_sha256, file_path = excluded.file_path,"
                + " file_ref = excluded.file_ref, message_id = excluded.message_id,"
                + " updated_at = excluded.updated_at"
            : "merge into answers ("
                + AnswerRows.COLUMNS
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
    List<AnswerRows.Row> rows =
        tx.list(
            "read answers",
            "select "
                + AnswerRows.COLUMNS
                + " from answers where submission_id in ("
                + marks
                + ") order by pending",
            AnswerRows::map,
            submissionIds.toArray());
    for (AnswerRows.Row row : rows) {
      if (row.pending() && !includePending) {
        continue;
      }
      Map<String, Answer> answers =
          result.computeIfAbsent(row.submissionId(), k -> new LinkedHashMap<>());
      if (row.pending() && row.answer().text() == null && row.answer().file() == null) {
        answers.remove(row.answer().fieldId());
      } else {
        answers.put(row.answer().fieldId(), row.answer());
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
    List<AnswerRows.Row> pending =
        tx.list(
            "read pending answers",
            "select "
                + AnswerRows.COLUMNS
                + " from answers where submission_id = ? and pending = true",
            AnswerRows::map,
            submissionId);
    for (AnswerRows.Row row : pending) {
      remove(tx, submissionId, row.answer().fieldId(), false);
      if (row.answer().text() != null || row.answer().file() != null) {
        put(tx, submissionId, row.answer(), false, at);
      }
    }
    discardPending(tx, submissionId);
    return pending.stream().map(r -> r.answer().fieldId()).toList();
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
            "select "
                + AnswerRows.COLUMNS
                + " from answers where submission_id = ? and pending = true",
            AnswerRows::map,
            submissionId)
        .forEach(row -> edits.put(row.answer().fieldId(), row.answer()));
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
    return AnswerRows.purgeEvent(tx, eventId, keep);
  }
}
