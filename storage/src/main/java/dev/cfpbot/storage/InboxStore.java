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
    record(tx, channel, externalId, null, receivedAt, reply);
  }

  /**
   * Records a message as handled, with the chat it came from.
   *
   * @param chatId the chat, so that a speaker's records can be found when they are forgotten
   */
  public void record(
      Tx tx, String channel, String externalId, String chatId, Instant receivedAt, String reply) {
    tx.update(
        "record inbound message",
        "insert into inbox (channel, external_id, chat_id, received_at, reply)"
            + " values (?, ?, ?, ?, ?)",
        channel,
        externalId,
        chatId,
        receivedAt,
        reply);
  }

  /**
   * Forgets what the records of a chat say about the person: the replies kept for retries (they
   * repeat answers) are blanked, and records whose id names the person (WeChat names events by the
   * sender's openid) are deleted. The other ids stay, so a late redelivery is still recognised.
   *
   * @return how many records were blanked or deleted
   */
  public int forgetChat(Tx tx, String channel, String chatId) {
    String escaped = chatId.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    int deleted =
        tx.update(
            "delete inbound records naming chat",
            "delete from inbox where channel = ? and chat_id = ? and external_id like ? escape '!'",
            channel,
            chatId,
            "%" + escaped + "%");
    int blanked =
        tx.update(
            "blank inbound replies of chat",
            "update inbox set reply = null where channel = ? and chat_id = ? and reply is not null",
            channel,
            chatId);
    return deleted + blanked;
  }

  /** Deletes records older than {@code before}: platforms stop redelivering long before that. */
  public int prune(Tx tx, Instant before) {
    return tx.update("prune inbox", "delete from inbox where received_at < ?", before);
  }
}
