package dev.cfpbot.process;

import dev.cfpbot.channel.SendResult;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbox's senders: a fixed number of threads, each sending one claimed message at a time
 * through its channel ({@link Deliveries}) and leaving the outcome for the next round ({@link
 * OutcomeRecorder}). Messages handed over wait in line for a free sender, oldest first.
 */
final class SendWorkers {
  private final ExecutorService pool;
  private final int threads;
  private final Deliveries deliveries;
  private final OutcomeRecorder recorder;

  /** Messages handed over whose send has not come back. */
  private final AtomicInteger inFlight = new AtomicInteger();

  /** By channel, the messages handed over that no sender has taken up yet. */
  private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();

  SendWorkers(int threads, Deliveries deliveries, OutcomeRecorder recorder) {
    this.threads = threads;
    this.deliveries = deliveries;
    this.recorder = recorder;
    this.pool = Executors.newFixedThreadPool(threads, Threads.named("cfpbot-send"));
  }

  /** Hands {@code batch} to the senders, in its order. */
  void dispatch(List<OutboxMessage> batch) {
    inFlight.addAndGet(batch.size());
    for (OutboxMessage message : batch) {
      AtomicInteger line = waiting.computeIfAbsent(message.channel(), c -> new AtomicInteger());
      line.incrementAndGet();
      pool.execute(
          () -> {
            line.decrementAndGet();
            SendResult result = deliveries.send(message);
            recorder.add(message, result, inFlight.decrementAndGet() >= threads);
          });
    }
  }

  /**
   * How many of {@code channel}'s messages were handed over and wait for a sender: each is taken up
   * before any message handed over after it (they are to different recipients: a round claims one
   * message per recipient at a time).
   */
  int waiting(String channel) {
    AtomicInteger line = waiting.get(channel);
    return line == null ? 0 : line.get();
  }

  /** Lets the sends handed over finish (10 s at most: they only talk HTTP), then stops. */
  void shutdown() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
