package dev.cfpbot.storage;

import dev.cfpbot.storage.rows.OutboxMessage;
import dev.cfpbot.storage.rows.OutboxState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How senders claim outbox messages: the oldest unsent message of each recipient, for a lease, so
 * that each recipient's messages go out one at a time and in order, on whichever instance.
 */
final class OutboxClaims {
  private static final Duration RELEASE_EVERY = Duration.ofSeconds(5);

  /** When expired claims were last released by this process; a hint, not shared state. */
  private volatile Instant lastRelease;

  private final String lockRows;

  /**
   * @param rowLocks whether other processes claim messages too (see {@link OutboxStore})
   */
  OutboxClaims(boolean rowLocks) {
    this.lockRows = rowLocks ? " for update skip locked" : "";
  }

  /**
   * Claims up to {@code limit} messages that are due, at most one per recipient (the oldest not yet
   * sent), for {@code lease}. A message whose earlier claim expired is claimed again. Rows that
   * another instance is claiming at this moment are skipped, not waited for.
   *
   * @param channels only messages for these channels
   */
  List<OutboxMessage> claimDue(
      Tx tx, List<String> channels, String owner, Instant now, Duration lease, int limit) {
    if (channels.isEmpty()) {
      return List.of();
    }
    // Claims that ran out (their sender died) go back to the queue — at most once every few
    // seconds: the search below then reads pending rows only, through the (state, due_at)
    // index, though the table also holds every message ever sent.
    if (lastRelease == null || !now.isBefore(lastRelease.plus(RELEASE_EVERY))) {
      lastRelease = now;
      tx.update(
          "release expired outbox claims",
          "update outbox set state = 'PENDING', claimed_by = null, claimed_until = null"
              + " where state = 'SENDING' and claimed_until < ?",
          now);
    }
    String marks = String.join(", ", java.util.Collections.nCopies(channels.size(), "?"));
    List<Object> params = new ArrayList<>(channels);
    params.add(now);
    params.add(now);
    params.add(limit);
    List<OutboxMessage> heads =
        tx.list(
            "find due outbound messages",
            "select "
                + OutboxStore.COLUMNS
                + " from outbox o where o.channel in ("
                + marks
                + ") and o.state = 'PENDING' and o.due_at <= ?"
                + " and not exists (select 1 from outbox p where p.channel = o.channel"
                + " and p.recipient = o.recipient and p.seq < o.seq"
                + " and (p.state = 'SENDING'"
                + " or (p.state = 'PENDING' and (p.attempts > 0 or p.due_at <= ?))))"
                + " order by o.seq limit ?"
                + lockRows,
            OutboxStore::map,
            params.toArray());
    List<OutboxMessage> claimed = new ArrayList<>();
    for (OutboxMessage head : heads) {
      int changed =
          tx.update(
              "claim outbound message",
              "update outbox set state = 'SENDING', claimed_by = ?, claimed_until = ?,"
                  + " attempts = attempts + 1 where seq = ? and state = 'PENDING'",
              owner,
              now.plus(lease),
              head.seq());
      if (changed == 1) {
        claimed.add(
            new OutboxMessage(
                head.seq(),
                head.id(),
                head.channel(),
                head.recipient(),
                head.kind(),
                head.payload(),
                OutboxState.SENDING,
                head.attempts() + 1,
                head.dueAt(),
                head.createdAt()));
      }
    }
    return claimed;
  }
}
