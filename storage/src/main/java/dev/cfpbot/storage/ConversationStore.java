package dev.cfpbot.storage;

import dev.cfpbot.storage.rows.Conversation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Conversation state, saved under an optimistic version check. */
public final class ConversationStore {

  public Optional<Conversation> find(Tx tx, String speakerId) {
    return tx.first(
        "load conversation",
        "select speaker_id, step, event_id, field_id, submission_id, failures, return_to_review,"
            + " version, updated_at from conversations where speaker_id = ?",
        ConversationStore::map,
        speakerId);
  }

  /**
   * Saves {@code next}, which was computed from the state at {@code expectedVersion} (-1: there was
   * no saved state). Returns the state as saved, with its new version.
   *
   * @throws ConcurrentUpdateException when the stored version is no longer {@code expectedVersion}
   */
  public Conversation save(Tx tx, Conversation next, long expectedVersion) {
    long version = expectedVersion + 1;
    int changed;
    if (expectedVersion < 0) {
      if (find(tx, next.speakerId()).isPresent()) {
        throw new ConcurrentUpdateException("save conversation", "the conversation");
      }
      changed =
          tx.update(
              "insert conversation",
              "insert into conversations (speaker_id, step, event_id, field_id, submission_id,"
                  + " failures, return_to_review, version, updated_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              next.speakerId(),
              next.step(),
              next.eventId(),
              next.fieldId(),
              next.submissionId(),
              next.failures(),
              next.returnToReview(),
              version,
              next.updatedAt());
    } else {
      changed =
          tx.update(
              "save conversation",
              "update conversations set step = ?, event_id = ?, field_id = ?, submission_id = ?,"
                  + " failures = ?, return_to_review = ?, version = ?, updated_at = ?"
                  + " where speaker_id = ? and version = ?",
              next.step(),
              next.eventId(),
              next.fieldId(),
              next.submissionId(),
              next.failures(),
              next.returnToReview(),
              version,
              next.updatedAt(),
              next.speakerId(),
              expectedVersion);
    }
    if (changed != 1) {
      throw new ConcurrentUpdateException("save conversation", "the conversation");
    }
    return new Conversation(
        next.speakerId(),
        next.step(),
        next.eventId(),
        next.fieldId(),
        next.submissionId(),
        next.failures(),
        next.returnToReview(),
        version,
        next.updatedAt());
  }

  public void delete(Tx tx, String speakerId) {
    tx.update("delete conversation", "delete from conversations where speaker_id = ?", speakerId);
  }

  private static Conversation map(ResultSet row) throws SQLException {
    return new Conversation(
        row.getString("speaker_id"),
        row.getString("step"),
        row.getString("event_id"),
        row.getString("field_id"),
        row.getString("submission_id"),
        row.getInt("failures"),
        row.getBoolean("return_to_review"),
        row.getLong("version"),
        Tx.instant(row, "updated_at"));
  }
}
