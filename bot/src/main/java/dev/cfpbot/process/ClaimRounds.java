package dev.cfpbot.process;

import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's rounds of recording how sends went ({@link OutcomeRecorder}) and claiming the next
 * messages, for the {@link OutboxSender}: one round at a time in this process, either in a
 * transaction of its own (the sender's loop) or as the last part of a turn's transaction.
 *
 * <p>Why a turn's: its reply is a message it has just queued, and claiming it in the same
 * transaction sends it as soon as the turn commits, where the loop would need a second transaction
 * and commit to claim it. Each H2 commit writes every changed page of the outbox, so under
 * Telegram's limits, where each turn commits alone, that was one commit of three per turn; in a
 * burst the loop's commits were half of its thread's time (async-profiler, 2026-11-30). A turn
 * never waits for a round: if the loop is in one, the turn commits without and the loop claims its
 * replies. The sender offers turns' rounds on an embedded database only (its {@code turnRounds}
 * says why).
 */
final class ClaimRounds {
  private static final Logger log = LoggerFactory.getLogger(ClaimRounds.class);

  /** The most messages one round claims; a full round leaves more for the next. */
  static final int LIMIT = 200;

  private final ReentrantLock round = new ReentrantLock();
  private final Storage storage;
  private final OutcomeRecorder recorder;
  private final List<String> channels;
  private final String owner;
  private final Clock clock;

  /**
   * @param channels the channels whose messages are claimed (those sent in the background)
   * @param owner who the claims are for, until their lease runs out
   */
  ClaimRounds(
      Storage storage, OutcomeRecorder recorder, List<String> channels, String owner, Clock clock) {
    this.storage = storage;
    this.recorder = recorder;
    this.channels = List.copyOf(channels);
    this.owner = owner;
    this.clock = clock;
  }

  /**
   * A round in a transaction of its own: records the outcomes waiting and claims what is due.
   * Returns the claimed messages; throws, with nothing recorded or claimed, if it fails.
   */
  List<OutboxMessage> ownRound() {
    round.lock();
    try {
      List<OutcomeRecorder.Outcome> done = recorder.unrecorded();
      Instant now = clock.instant();
      List<OutboxMessage> claimed =
          storage
              .database()
              .inTransaction(
                  "record deliveries and claim outbox messages",
                  tx -> {
                    recorder.record(tx, done, now);
                    return claimDue(tx, now);
                  });
      recorder.recorded(done);
      return claimed;
    } finally {
      round.unlock();
    }
  }

  /** Claims what is due in a transaction of its own, recording nothing. */
  List<OutboxMessage> claimOnly() {
    round.lock();
    try {
      return storage
          .database()
          .inTransaction("claim outbox messages", tx -> claimDue(tx, clock.instant()));
    } finally {
      round.unlock();
    }
  }

  /** Records the outcomes waiting, claiming nothing (the sender is stopping). */
  void recordOnly() {
    round.lock();
    try {
      List<OutcomeRecorder.Outcome> last = recorder.unrecorded();
      if (last.isEmpty()) {
        return;
      }
      Instant now = clock.instant();
      storage
          .database()
          .useTransaction("record outbox deliveries", tx -> recorder.record(tx, last, now));
      recorder.recorded(last);
    } finally {
      round.unlock();
    }
  }

  /**
   * Runs {@code work} in one transaction which, when no other round is under way once {@code work}
   * is done, ends with a round: the outcomes waiting are recorded and what is due is claimed, the
   * replies {@code work} queued among them, and handed to {@code handOff} after the commit, before
   * another round can begin. The round may fail alone ({@link Tx#attempt}): {@code work} still
   * commits. The round's lock is held from the round to the hand-off only, never while {@code work}
   * runs: a turn may wait on the network (a document to fetch), and the loop must not wait with it.
   *
   * @param open whether rounds are taken at all (the sender runs, on an embedded database)
   * @return {@code work}'s result, and whether a round took place and its messages were handed off
   */
  <T> Joined<T> joined(
      String operation,
      Function<Tx, T> work,
      BooleanSupplier open,
      Consumer<List<OutboxMessage>> handOff) {
    TurnRound turnRound = new TurnRound();
    try {
      T result =
          storage
              .database()
              .inTransaction(
                  operation,
                  tx -> {
                    T r = work.apply(tx);
                    // Asked first so that a closed sender (or PostgreSQL) never takes the lock,
                    // and again with it held, as closing goes by the lock.
                    if (open.getAsBoolean() && round.tryLock()) {
                      turnRound.locked = true;
                      if (open.getAsBoolean()) {
                        turnRound.take(tx);
                      }
                    }
                    return r;
                  });
      if (turnRound.claimed == null) {
        return new Joined<>(result, false);
      }
      recorder.recorded(turnRound.done);
      handOff.accept(turnRound.claimed);
      return new Joined<>(result, true);
    } finally {
      if (turnRound.locked) {
        round.unlock();
      }
    }
  }

  /** The round at the end of one turn's transaction. */
  private final class TurnRound {
    boolean locked;
    List<OutcomeRecorder.Outcome> done;
    List<OutboxMessage> claimed;

    /** Records and claims in {@code tx}, as a part that may fail alone; the lock is held. */
    void take(Tx tx) {
      done = recorder.unrecorded();
      Instant now = clock.instant();
      try {
        tx.attempt(
            "record deliveries and claim outbox messages",
            () -> {
              recorder.record(tx, done, now);
              claimed = claimDue(tx, now);
            });
      } catch (RuntimeException e) {
        // The turn is not to fail for the outbox's part: the loop does it again. Nothing was
        // claimed: the claim is the part's last statement.
        log.warn(
            "outbox: {} deliveries not recorded and nothing claimed with a turn, the sender's"
                + " loop tries again: {}",
            done.size(),
            e.getMessage());
      }
    }
  }

  /** A transaction's result, and whether it ended with a round whose messages were handed off. */
  record Joined<T>(T result, boolean handedOff) {}

  /** Waits for a round under way to end, its messages handed off. */
  void awaitRound() {
    round.lock();
    round.unlock();
  }

  private List<OutboxMessage> claimDue(Tx tx, Instant now) {
    return storage.outbox().claimDue(tx, channels, owner, now, OutboxSender.LEASE, LIMIT);
  }
}
