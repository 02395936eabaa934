package dev.cfpbot.storage;

import dev.cfpbot.domain.Speaker;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Speakers, one per channel identity. */
public final class SpeakerStore {
  private static final String COLUMNS =
      "id, channel, external_id, display_name, language, reminders, created_at";

  public Optional<Speaker> find(Tx tx, String channel, String externalId) {
    return tx.first(
        "find speaker",
        "select " + COLUMNS + " from speakers where channel = ? and external_id = ?",
        SpeakerStore::map,
        channel,
        externalId);
  }

  public Optional<Speaker> get(Tx tx, String id) {
    return tx.first(
        "get speaker", "select " + COLUMNS + " from speakers where id = ?", SpeakerStore::map, id);
  }

  public void insert(Tx tx, Speaker speaker) {
    tx.update(
        "insert speaker",
        "insert into speakers (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)",
        speaker.id(),
        speaker.channel(),
        speaker.externalId(),
        speaker.displayName(),
        speaker.language(),
        speaker.reminders(),
        speaker.createdAt());
  }

  /** Saves the settings a speaker can change: language, reminders and display name. */
  public void update(Tx tx, Speaker speaker) {
    tx.update(
        "update speaker",
        "update speakers set display_name = ?, language = ?, reminders = ? where id = ?",
        speaker.displayName(),
        speaker.language(),
        speaker.reminders(),
        speaker.id());
  }

  /** Deletes a speaker; their conversation must be gone and their submissions detached first. */
  public void delete(Tx tx, String id) {
    tx.update("delete speaker", "delete from speakers where id = ?", id);
  }

  static Speaker map(ResultSet row) throws SQLException {
    return new Speaker(
        row.getString("id"),
        row.getString("channel"),
        row.getString("external_id"),
        row.getString("display_name"),
        row.getString("language"),
        row.getBoolean("reminders"),
        Tx.instant(row, "created_at"));
  }
}
