package dev.cfpbot.process;

import dev.cfpbot.channel.SendResult;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the outcomes of background sends, as many as have come in, in one transaction: a commit
 * per batch rather than per message. An outcome that cannot be recorded yet (the database is away)
 * is kept and tried again; its message stays claimed meanwhile.
 */
final class OutcomeRecorder {
  private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);
  private static final long POLL_MILLIS = 1000;

  /** A send and how it went, waiting to be recorded. */
  private record Outcome(OutboxMessage message, SendResult result) {}

  private final Storage storage;
  private final Deliveries deliveries;
  private final Clock clock;
  private final Runnable recorded;
  private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private volatile boolean running;
  private Thread thread;

  /**
   * @param recorded told after each batch is recorded (the claim loop may look again)
   */
  OutcomeRecorder(Storage storage, Deliveries deliveries, Clock clock, Runnable recorded) {
    this.storage = storage;
    this.deliveries = deliveries;
    this.clock = clock;
    this.recorded = recorded;
  }

  void start() {
    running = true;
    thread = Threads.named("cfpbot-outbox-record").newThread(this::run);
    thread.start();
  }

  /** Takes the outcome of one send, to be recorded with the next batch. */
  void add(OutboxMessage message, SendResult result) {
    outcomes.add(new Outcome(message, result));
  }

  private void run() {
    List<Outcome> batch = new ArrayList<>();
    while (running || !outcomes.isEmpty() || !batch.isEmpty()) {
      try {
        if (batch.isEmpty()) {
          Outcome first = outcomes.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
        }
        outcomes.drainTo(batch);
        Instant now = clock.instant();
        storage
            .database()
            .useTransaction(
                "record outbox deliveries",
                tx -> batch.forEach(o -> deliveries.record(tx, o.message(), o.result(), now)));
        batch.clear();
        recorded.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn(
            "outbox: {} deliveries not recorded yet, trying again: {}",
            batch.size(),
            e.getMessage());
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
      }
    }
  }

  /** Records what is left, then stops; call once no more sends are under way. */
  void close() {
    running = false;
    OutboxSender.join(thread);
  }
}
