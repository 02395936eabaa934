package dev.cfpbot.storage;

import java.time.Instant;
import java.util.List;

/**
 * Platform updates stored before they are handled. An update is deleted once its turn has
 * committed; what is left after a crash is handled at the next start.
 */
public final class InboundQueueStore {

  /** A stored update: the platform's raw payload and where it came from. */
  public record Queued(
      long seq,
      String channel,
      String externalId,
      String chatId,
      String payload,
      Instant receivedAt) {}

  /** Stores an update unless it is stored already (a platform redelivery); true when stored. */
  public boolean add(
      Tx tx, String channel, String externalId, String chatId, String payload, Instant at) {
    if (tx.count(
            "look up queued update",
            "select count(*) from inbound_queue where channel = ? and external_id = ?",
            channel,
            externalId)
        > 0) {
      return false;
    }
    tx.update(
        "queue update",
        "insert into inbound_queue (channel, external_id, chat_id, payload, received_at)"
            + " values (?, ?, ?, ?, ?)",
        channel,
        externalId,
        chatId,
        payload,
        at);
    return true;
  }

  /** The channel's stored updates, oldest first. */
  public List<Queued> pending(Tx tx, String channel, int limit) {
    return tx.list(
        "list queued updates",
        "select seq, channel, external_id, chat_id, payload, received_at from inbound_queue"
            + " where channel = ? order by seq limit ?",
        row ->
            new Queued(
                row.getLong("seq"),
                row.getString("channel"),
                row.getString("external_id"),
                row.getString("chat_id"),
                row.getString("payload"),
                Tx.instant(row, "received_at")),
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
}
