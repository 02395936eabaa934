package dev.cfpbot.storage;

import dev.cfpbot.storage.rows.UploadLink;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Upload links issued to speakers. A link is claimed by a conditional update, so that of several
 * requests on one link (on one instance or several) exactly one gets it.
 */
public final class UploadLinkStore {
  private static final String COLUMNS =
      "id, submission_id, field_id, channel, chat_id, created_at, expires_at, used_at";

  public void insert(Tx tx, UploadLink link) {
    tx.update(
        "issue upload link",
        "insert into upload_links (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
        link.id(),
        link.submissionId(),
        link.fieldId(),
        link.channel(),
        link.chatId(),
        link.createdAt(),
        link.expiresAt(),
        link.usedAt());
  }

  public Optional<UploadLink> get(Tx tx, String id) {
    return tx.first(
        "read upload link",
        "select " + COLUMNS + " from upload_links where id = ?",
        UploadLinkStore::map,
        id);
  }

  /**
   * The newest unused link for this chat's submission and field that is valid at least until {@code
   * validUntil}.
   */
  public Optional<UploadLink> reusable(
      Tx tx,
      String channel,
      String chatId,
      String submissionId,
      String fieldId,
      Instant validUntil) {
    return tx.first(
        "find upload link",
        "select "
            + COLUMNS
            + " from upload_links where submission_id = ? and field_id = ? and channel = ?"
            + " and chat_id = ? and used_at is null and expires_at >= ?"
            + " order by expires_at desc",
        UploadLinkStore::map,
        submissionId,
        fieldId,
        channel,
        chatId,
        validUntil);
  }

  /** Claims the link for one upload: true for exactly one caller while it is unused and valid. */
  public boolean claim(Tx tx, String id, Instant now) {
    return tx.update(
            "claim upload link",
            "update upload_links set used_at = ? where id = ? and used_at is null and expires_at > ?",
            now,
            id,
            now)
        == 1;
  }

  /** Makes a claimed link usable again: the bot did not keep the file it brought. */
  public void release(Tx tx, String id) {
    tx.update("release upload link", "update upload_links set used_at = null where id = ?", id);
  }

  /** Forgets every link issued to {@code chatId} (a speaker who asked to be forgotten). */
  public int forgetChat(Tx tx, String channel, String chatId) {
    return tx.update(
        "delete upload links of chat",
        "delete from upload_links where channel = ? and chat_id = ?",
        channel,
        chatId);
  }

  /** Forgets links that expired before {@code before}; returns how many. */
  public int deleteExpired(Tx tx, Instant before) {
    return tx.update(
        "delete expired upload links", "delete from upload_links where expires_at < ?", before);
  }

  private static UploadLink map(ResultSet row) throws SQLException {
    return new UploadLink(
        row.getString("id"),
        row.getString("submission_id"),
        row.getString("field_id"),
        row.getString("channel"),
        row.getString("chat_id"),
        Tx.instant(row, "created_at"),
        Tx.instant(row, "expires_at"),
        Tx.instant(row, "used_at"));
  }
}
