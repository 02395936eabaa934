package dev.cfpbot.storage;

import java.time.Instant;
import java.util.Optional;

/** How the outbox is doing, for health reports and digests (for {@link OutboxStore}). */
final class OutboxCounts {
  private OutboxCounts() {}

  /** Messages of {@code channel} due by {@code now} and not sent yet (pending or being sent). */
  static long due(Tx tx, String channel, Instant now) {
    return tx.count(
        "count due messages",
        "select count(*) from outbox where channel = ?"
            + " and (state = 'SENDING' or (state = 'PENDING' and due_at <= ?))",
        channel,
        now);
  }

  /** Messages tried at least once and waiting to be tried again (held or backing off). */
  static long awaitingRetry(Tx tx) {
    return tx.count(
        "count messages awaiting a retry",
        "select count(*) from outbox where state = 'PENDING' and attempts > 0");
  }

  /** Messages not sent yet (pending or being sent) for a channel, or for all with null. */
  static long unsent(Tx tx, String channel) {
    return channel == null
        ? tx.count(
            "count unsent messages",
            "select count(*) from outbox where state in ('PENDING', 'SENDING')")
        : tx.count(
            "count unsent messages",
            "select count(*) from outbox where state in ('PENDING', 'SENDING') and channel = ?",
            channel);
  }

  /** When the oldest unsent message was written. */
  static Optional<Instant> oldestUnsent(Tx tx) {
    return tx
        .list(
            "find oldest unsent message",
            "select min(created_at) from outbox where state in ('PENDING', 'SENDING')",
            row -> Tx.instant(row, 1))
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }
}
