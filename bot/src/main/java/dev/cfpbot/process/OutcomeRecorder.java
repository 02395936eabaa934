package dev.cfpbot.process;

import dev.cfpbot.channel.SendResult;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outcomes of background sends, waiting to be recorded. A round ({@link ClaimRounds}: the
 * outbox loop's, or a turn's) records them in the transaction that claims the next messages: one
 * commit for both. While the sender is busy (more sends waiting than workers: the pace holds them,
 * under Telegram's limits) an outcome waits up to {@link #RECORD_WITHIN} for a message to be queued
 * and goes with its claim; each H2 commit serialises the changed pages of the outbox and both its
 * indexes, and recording and claiming in two transactions on two threads cost two such commits per
 * message (JFR, 2026-11-30). When the sender is not busy an outcome is recorded at once, as before:
 * the recipient's next message waits for it. A message sent and not recorded yet stays claimed:
 * after a crash it is sent again, counted as in flight, as before. An outcome that could not be
 * recorded (the database is away) stays and is taken with the next batch.
 */
final class OutcomeRecorder {
  /**
   * How long an outcome of a busy sender may wait for a claim to be recorded with: at Telegram's 30
   * sends a second a message is queued every 33 ms, and most outcomes go with its claim.
   */
  static final Duration RECORD_WITHIN = Duration.ofMillis(100);

  /** A send and how it went, waiting to be recorded. */
  record Outcome(OutboxMessage message, SendResult result) {}

  private final Deliveries deliveries;
  private final Runnable added;
  private final long recordWithin;
  private final Queue<Outcome> incoming = new ConcurrentLinkedQueue<>();

  /** By when ({@link System#nanoTime}) the outcomes not taken yet are to be recorded. */
  private final AtomicLong recordBy = new AtomicLong(Long.MAX_VALUE);

  /** Taken from {@link #incoming}, not recorded yet: touched only under the round's lock. */
  private final List<Outcome> unrecorded = new ArrayList<>();

  /**
   * @param added told when an outcome comes in that is to be recorded sooner than those waiting:
   *     the outbox loop then knows until when it may wait ({@link #recordBy})
   * @param recordWithin how long an outcome of a busy sender may wait ({@link #RECORD_WITHIN} in
   *     the bot)
   */
  OutcomeRecorder(Deliveries deliveries, Runnable added, Duration recordWithin) {
    this.deliveries = deliveries;
    this.added = added;
    this.recordWithin = recordWithin.toNanos();
  }

  /**
   * Takes the outcome of one send (from a worker), to be recorded with the next batch.
   *
   * @param busy whether the sender is busy: the outcome may wait for a claim to go with
   */
  void add(OutboxMessage message, SendResult result, boolean busy) {
    incoming.add(new Outcome(message, result));
    long by = busy ? System.nanoTime() + recordWithin : System.nanoTime();
    if (by < recordBy.getAndAccumulate(by, Math::min)) {
      added.run();
    }
  }

  /**
   * By when ({@link System#nanoTime}) the outcomes come in should be recorded; {@link
   * Long#MAX_VALUE} when there are none.
   */
  long recordBy() {
    return recordBy.get();
  }

  /** Every outcome not recorded yet, oldest first; they stay until {@link #recorded} is told. */
  List<Outcome> unrecorded() {
    recordBy.set(Long.MAX_VALUE);
    for (Outcome o = incoming.poll(); o != null; o = incoming.poll()) {
      unrecorded.add(o);
    }
    return List.copyOf(unrecorded);
  }

  /** Records {@code batch} in {@code tx}. */
  void record(Tx tx, List<Outcome> batch, Instant now) {
    batch.forEach(o -> deliveries.record(tx, o.message(), o.result(), now));
  }

  /** {@code batch}, the oldest outcomes (from {@link #unrecorded}), was committed. */
  void recorded(List<Outcome> batch) {
    unrecorded.subList(0, batch.size()).clear();
  }
}
