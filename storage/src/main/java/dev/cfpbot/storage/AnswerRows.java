package dev.cfpbot.storage;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The answers table's rows as answers, and the retention's purge of an event's answers. */
final class AnswerRows {
  static final String COLUMNS =
      "submission_id, field_id, pending, text_value, file_name, file_type, file_size, file_sha256,"
          + " file_path, file_ref, message_id";

  private AnswerRows() {}

  /** An answer as stored: of which submission, and whether it is a pending edit. */
  record Row(String submissionId, boolean pending, Answer answer) {}

  static Row map(ResultSet row) throws SQLException {
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

  static AnswerStore.Purged purgeEvent(Tx tx, String eventId, Collection<String> keep) {
    String ofEvent = "submission_id in (select id from submissions where event_id = ?)";
    // Talks of the event, whether their speaker confirmed yet or not.
    String accepted =
        "submission_id in (select id from submissions where event_id = ?"
            + " and state in ('ACCEPTED', 'CONFIRMED'))";
    String kept =
        keep.isEmpty()
            ? ""
            : " and field_id in (" + String.join(", ", Collections.nCopies(keep.size(), "?")) + ")";
    // What stays: the public fields' confirmed answers of accepted (and confirmed) talks.
    String stays = accepted + " and pending = false" + (keep.isEmpty() ? " and 1 = 0" : kept);
    List<Object> params = new ArrayList<>();
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
    return new AnswerStore.Purged(deleted, files);
  }
}
