package dev.cfpbot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Platform updates stored before they are handled. An update leaves the queue in the transaction of
 * its turn; what is left after a crash is handled at the next start. Each chat's updates are
 * handled in the platform's order ({@code sort_key}), by whichever instance holds the chat's oldest
 * update locked.
 */
public final class InboundQueueStore {
  private static final String COLUMNS = "seq, channel, external_id, chat_id, payload, received_at";

  private final String lockHead;

  /**
   * @param rowLocks whether other processes may take the same chat's updates. An embedded database
   *     has one process, whose chat lanes already keep each chat to one thread; and H2 parses a
   *     {@code for update} query afresh every time (it caches no such query): 4 % of the bot's CPU.
   */
  public InboundQueueStore(boolean rowLocks) {
    this.lockHead =
        "select "
            + COLUMNS
            + " from inbound_queue where channel = ? and chat_id = ? order by sort_key, seq"
            + " limit 1"
            + (rowLocks ? " for update" : "");
  }

  /** A stored update: the platform's raw payload and where it came from. */
  public record Queued(
      long seq,
      String channel,
      String externalId,
      String chatId,
      String payload,
      Instant receivedAt) {}

  /**
   * Stores an update unless it is stored already (a platform redelivery); true when stored.
   *
   * @param sortKey the platform's order of updates (Telegram's update_id)
   */
  public boolean add(
      Tx tx,
      String channel,
      String externalId,
      String chatId,
      long sortKey,
      String payload,
      Instant at) {
    // One statement: a redelivered update finds its row and inserts nothing.
    return tx.update(
            "queue update",
            "insert into inbound_queue (channel, external_id, chat_id, sort_key, payload, received_at)"
                + " select ?, ?, ?, ?, ?, ? where not exists"
                + " (select 1 from inbound_queue where channel = ? and external_id = ?)",
            channel,
            externalId,
            chatId,
            sortKey,
            payload,
            at,
            channel,
            externalId)
        == 1;
  }

  /**
   * The chat's oldest stored update, locked until the transaction ends (with row locks): another
   * instance asking for the same chat waits, and then sees the next one.
   */
  public Optional<Queued> lockHead(Tx tx, String channel, String chatId) {
    return tx.first("lock queued update", lockHead, InboundQueueStore::map, channel, chatId);
  }

  /**
   * Whether any update of the chat is stored (waiting, or being handled by another transaction).
   */
  public boolean holds(Tx tx, String channel, String chatId) {
    return tx.first(
            "look for a chat's queued updates",
            "select 1 from inbound_queue where channel = ? and chat_id = ? limit 1",
            row -> true,
            channel,
            chatId)
        .isPresent();
  }

  /** The channel's stored updates, oldest first. */
  public List<Queued> pending(Tx tx, String channel, int limit) {
    return tx.list(
        "list queued updates",
        "select " + COLUMNS + " from inbound_queue where channel = ? order by seq limit ?",
        InboundQueueStore::map,
        channel,
        limit);
  }

  public void remove(Tx tx, String channel, String externalId) {
    tx.update(
        "remove queued update",
        "delete from inbound_queue where channel = ? and external_id = ?",
        channel,
        externalId);
  }

  public long count(Tx tx, String channel) {
    return tx.count(
        "count queued updates", "select count(*) from inbound_queue where channel = ?", channel);
  }

  private static Queued map(ResultSet row) throws SQLException {
    return new Queued(
        row.getLong("seq"),
        row.getString("channel"),
        row.getString("external_id"),
        row.getString("chat_id"),
        row.getString("payload"),
        Tx.instant(row, "received_at"));
  }
}
