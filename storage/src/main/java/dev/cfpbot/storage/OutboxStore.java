package dev.cfpbot.storage;

import dev.cfpbot.storage.rows.OutboxMessage;
import dev.cfpbot.storage.rows.OutboxState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages waiting to be sent. Each recipient's messages go out one at a time in the order they
 * were written: only the oldest unsent message of a recipient can be claimed, and a claim is a
 * lease, so a sender that dies leaves its messages to another after the lease runs out.
 */
public final class OutboxStore {
  static final String COLUMNS =
      "seq, id, channel, recipient, kind, payload, state, attempts, due_at, created_at";

  private final OutboxClaims claims;

  /**
   * @param rowLocks whether other processes claim messages too. Without them a claim still takes
   *     only a message that is pending (its update says so), and H2 can cache the query, which it
   *     does not do for {@code for update}: 5 % of the bot's CPU.
   */
  public OutboxStore(boolean rowLocks) {
    this.claims = new OutboxClaims(rowLocks);
  }

  public void enqueue(
      Tx tx,
      String id,
      String channel,
      String recipient,
      String kind,
      String payload,
      Instant dueAt,
      Instant now) {
    tx.update(
        "queue outbound message",
        "insert into outbox (id, channel, recipient, kind, payload, state, attempts, due_at,"
            + " created_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        id,
        channel,
        recipient,
        kind,
        payload,
        OutboxState.PENDING,
        dueAt,
        now);
  }

  /**
   * Claims up to {@code limit} messages that are due, at most one per recipient (the oldest not yet
   * sent), for {@code lease}; see {@link OutboxClaims}. A message written for later and never tried
   * (a decision waiting out its delay) holds back nothing written after it; one that was tried and
   * waits for a retry (a platform holding it) keeps the recipient's order.
   *
   * @param channels only messages for these channels
   */
  public List<OutboxMessage> claimDue(
      Tx tx, List<String> channels, String owner, Instant now, Duration lease, int limit) {
    return claims.claimDue(tx, channels, owner, now, lease, limit);
  }

  /** Puts every claimed message back in the queue (claims of a process that is gone). */
  public int releaseClaims(Tx tx) {
    return tx.update(
        "release outbox claims",
        "update outbox set state = 'PENDING', claimed_by = null, claimed_until = null"
            + " where state = 'SENDING'");
  }

  /**
   * Records a message as delivered, and drops the copy of what it said: nothing reads it again (the
   * row stays, for the recipient's order and the counts, until {@link #pruneDone}), a receipt or an
   * alert repeats a speaker's answers, and every later write to the outbox rewrites the pages
   * around it — with its text in them, most of each commit's bytes (issue 13's profile).
   */
  public void markSent(Tx tx, long seq, String platformId, Instant at) {
    tx.update(
        "mark message sent",
        "update outbox set state = 'SENT', sent_at = ?, platform_id = ?, claimed_by = null,"
            + " claimed_until = null, last_error = null, payload = '' where seq = ?",
        at,
        platformId,
        seq);
  }

  /** Puts a message back in the queue to be tried again at {@code dueAt}. */
  public void retryLater(Tx tx, long seq, Instant dueAt, String error) {
    tx.update(
        "reschedule message",
        "update outbox set state = 'PENDING', due_at = ?, claimed_by = null, claimed_until = null,"
            + " last_error = ? where seq = ?",
        dueAt,
        truncate(error),
        seq);
  }

  public void markFailed(Tx tx, long seq, String error, Instant at) {
    tx.update(
        "mark message failed",
        "update outbox set state = 'FAILED', sent_at = ?, claimed_by = null, claimed_until = null,"
            + " last_error = ? where seq = ?",
        at,
        truncate(error),
        seq);
  }

  /**
   * Makes the held messages of one recipient due now: a platform that refused them until the
   * recipient writes again (WeChat's 48-hour window) will take them once they have written.
   * Messages written for later and never tried (a decision's delay) keep their time.
   *
   * @return how many messages were brought forward
   */
  public int wakeHeld(Tx tx, String channel, String recipient, Instant now) {
    return tx.update(
        "wake held messages",
        "update outbox set due_at = ? where channel = ? and recipient = ? and state = 'PENDING'"
            + " and attempts > 0 and due_at > ?",
        now,
        channel,
        recipient,
        now);
  }

  /**
   * Deletes the parts of one message written for later (a decision waiting out its delay) if its
   * first part was never tried: the later parts cannot go before it, so none of them has either.
   * Returns false, deleting nothing, once the first part was claimed: the message is on its way.
   */
  public boolean cancelUnsent(Tx tx, List<String> ids) {
    if (ids.isEmpty()) {
      return false;
    }
    int first =
        tx.update(
            "cancel outbound message",
            "delete from outbox where id = ? and state = 'PENDING' and attempts = 0",
            ids.get(0));
    if (first == 0) {
      return false;
    }
    for (String id : ids.subList(1, ids.size())) {
      tx.update("cancel outbound message", "delete from outbox where id = ?", id);
    }
    return true;
  }

  /** Messages of {@code channel} due by {@code now} and not sent yet (pending or being sent). */
  public long countDue(Tx tx, String channel, Instant now) {
    return OutboxCounts.due(tx, channel, now);
  }

  /** Messages tried at least once and waiting to be tried again (held or backing off). */
  public long countAwaitingRetry(Tx tx) {
    return OutboxCounts.awaitingRetry(tx);
  }

  /** Messages not sent yet (pending or being sent) for a channel, or for all with null. */
  public long countUnsent(Tx tx, String channel) {
    return OutboxCounts.unsent(tx, channel);
  }

  /** When the oldest unsent message was written. */
  public Optional<Instant> oldestUnsent(Tx tx) {
    return OutboxCounts.oldestUnsent(tx);
  }

  /** Messages that were given up since {@code since}, oldest first. */
  public List<OutboxMessage> failedSince(Tx tx, Instant since) {
    return tx.list(
        "list failed messages",
        "select " + COLUMNS + " from outbox where state = 'FAILED' and sent_at >= ? order by seq",
        OutboxStore::map,
        since);
  }

  public List<OutboxMessage> listByRecipient(Tx tx, String channel, String recipient) {
    return tx.list(
        "list messages of recipient",
        "select " + COLUMNS + " from outbox where channel = ? and recipient = ? order by seq",
        OutboxStore::map,
        channel,
        recipient);
  }

  /** The newest message written to a recipient so far (0: none). */
  public long lastSeq(Tx tx, String channel, String recipient) {
    return tx.count(
        "find last message of recipient",
        "select coalesce(max(seq), 0) from outbox where channel = ? and recipient = ?",
        channel,
        recipient);
  }

  /**
   * Deletes every message to a recipient up to {@code upToSeq}, sent or not: the unsent ones would
   * carry a forgotten speaker's answers to them after all, the sent ones are copies of those
   * answers. Messages written after {@code upToSeq} (the confirmation that all is deleted) stay,
   * and so does the one a sender is sending at this moment: it leaves anyway, and while its row is
   * there nothing later to that recipient is claimed before it (the recipient's order). Its copy
   * goes with the other delivered ones ({@link #pruneDone}).
   */
  public int forgetRecipient(Tx tx, String channel, String recipient, long upToSeq) {
    return tx.update(
        "delete messages of recipient",
        "delete from outbox where channel = ? and recipient = ? and seq <= ?"
            + " and state <> 'SENDING'",
        channel,
        recipient,
        upToSeq);
  }

  /**
   * Deletes messages delivered or given up before {@code before}: a sent message's copy is no
   * longer needed, and it holds what it said (receipts and alerts repeat answers).
   */
  public int pruneDone(Tx tx, Instant before) {
    return tx.update(
        "prune delivered messages",
        "delete from outbox where state in ('SENT', 'FAILED') and sent_at < ?",
        before);
  }

  private static String truncate(String error) {
    return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
  }

  static OutboxMessage map(ResultSet row) throws SQLException {
    return new OutboxMessage(
        row.getLong("seq"),
        row.getString("id"),
        row.getString("channel"),
        row.getString("recipient"),
        row.getString("kind"),
        row.getString("payload"),
        OutboxState.valueOf(row.getString("state")),
        row.getInt("attempts"),
        Tx.instant(row, "due_at"),
        Tx.instant(row, "created_at"));
  }
}
