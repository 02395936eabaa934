package dev.cfpbot.process;

import dev.cfpbot.concurrent.Shutdown;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the channels whose capabilities say they deliver synchronously (the console): on the
 * caller's thread, in the order the messages were written, right after each message is handled, and
 * every second for messages nobody typed for (a scheduled digest).
 */
final class SynchronousDrain {
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private final Storage storage;
  private final Deliveries deliveries;
  private final Clock clock;
  private final List<String> channels;
  private final String owner;
  private final Signal signal;
  private ScheduledExecutorService timer;

  SynchronousDrain(
      Storage storage,
      Deliveries deliveries,
      Clock clock,
      List<String> channels,
      String owner,
      Signal signal) {
    this.storage = storage;
    this.deliveries = deliveries;
    this.clock = clock;
    this.channels = List.copyOf(channels);
    this.owner = owner;
    this.signal = signal;
  }

  /** Whether any channel delivers synchronously. */
  boolean any() {
    return !channels.isEmpty();
  }

  void start() {
    if (channels.isEmpty()) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(Threads.named("cfpbot-synchronous-out"));
    timer.scheduleWithFixedDelay(
        () -> channels.forEach(c -> drain(c, Duration.ZERO)), 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Sends everything due for {@code channel} and returns once none of its messages is left unsent
   * (or after {@code timeout}), so that output follows input in order.
   *
   * @return whether the channel's queue is empty
   */
  synchronized boolean drain(String channel, Duration timeout) {
    // Wall time, not the bot's clock: tests stand that clock still.
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      claim(channel).forEach(this::deliver);
      long unsent =
          storage
              .database()
              .inTransaction(
                  // Due ones only: a decision waiting out its delay is not output to wait for.
                  "count due messages",
                  tx -> storage.outbox().countDue(tx, channel, clock.instant()));
      if (unsent == 0) {
        return true;
      }
      if (System.nanoTime() - deadline > 0 || !signal.await(IDLE_POLL)) {
        return false;
      }
    }
  }

  private List<OutboxMessage> claim(String channel) {
    Instant now = clock.instant();
    return storage
        .database()
        .inTransaction(
            "claim outbox messages",
            tx ->
                storage
                    .outbox()
                    .claimDue(tx, List.of(channel), owner, now, OutboxSender.LEASE, 200));
  }

  private void deliver(OutboxMessage message) {
    var result = deliveries.send(message);
    storage
        .database()
        .useTransaction(
            "record outbox delivery",
            tx -> deliveries.record(tx, message, result, clock.instant()));
  }

  void close() {
    if (timer != null) {
      Shutdown.gently(timer, "the synchronous channels' output");
    }
  }
}
