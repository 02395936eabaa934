package dev.cfpbot.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Platform messages already handled, by the platform's own id. Recording a message and handling it
 * happen in one transaction, so a message redelivered after a crash or a platform retry is seen
 * here and handled once.
 */
public final class InboxStore {

  /** What was recorded about a handled message. */
  public record Handled(Instant receivedAt, String reply) {}

  public Optional<Handled> find(Tx tx, String channel, String externalId) {
    return tx.first(
        "look up inbound message",
        "select received_at, reply from inbox where channel = ? and external_id = ?",
        row -> new Handled(Tx.instant(row, "received_at"), row.getString("reply")),
        channel,
        externalId);
  }

  /**
   * Records a message as handled. Two transactions recording the same message at once: one fails
   * with a unique violation and, retried, finds the other's row.
   *
   * @param reply the reply given in the platform's response, to repeat on a retry; may be null
   */
  public void record(Tx tx, String channel, String externalId, Instant receivedAt, String reply) {
    tx.update(
        "record inbound message",
        "insert into inbox (channel, external_id, received_at, reply) values (?, ?, ?, ?)",
        channel,
        externalId,
        receivedAt,
        reply);
  }

  /** Deletes records older than {@code before}: platforms stop redelivering long before that. */
  public int prune(Tx tx, Instant before) {
    return tx.update("prune inbox", "delete from inbox where received_at < ?", before);
  }
}
