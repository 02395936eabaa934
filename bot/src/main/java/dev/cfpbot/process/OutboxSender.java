package dev.cfpbot.process;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.SendResult;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. One loop claims the oldest unsent message of each recipient and hands it to
 * a worker; a worker sends it through its channel and records the outcome. A retryable failure goes
 * back to the queue with a growing delay (or the platform's retry-after); a message that keeps
 * failing, or that the platform refuses for good, is recorded as failed and reported to the
 * organizers.
 */
public final class OutboxSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  static final int MAX_ATTEMPTS = 8;
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private final Storage storage;
  private final Map<String, Channel> channels;
  private final List<String> background;
  private final DeliveryFailures failures;
  private final Clock clock;
  private final String owner = "sender-" + UUID.randomUUID();
  private final Object signal = new Object();
  private final AtomicBoolean running = new AtomicBoolean();
  private boolean woken;
  private final ExecutorService workers;
  private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private Thread loop;
  private Thread recorder;

  /** A send and how it went, waiting to be recorded. */
  private record Outcome(OutboxMessage message, SendResult result) {}

  /**
   * @param workerThreads how many messages (to different recipients) may be in flight at once
   * @param foreground channels delivered only by {@link #drain} on the caller's thread, in the
   *     order the messages were written (the console: one terminal for every recipient)
   */
  public OutboxSender(
      Storage storage,
      Map<String, Channel> channels,
      DeliveryFailures failures,
      Clock clock,
      int workerThreads,
      java.util.Set<String> foreground) {
    this.storage = storage;
    this.channels = Map.copyOf(channels);
    this.background = channels.keySet().stream().filter(c -> !foreground.contains(c)).toList();
    this.failures = failures;
    this.clock = clock;
    this.workers = Executors.newFixedThreadPool(workerThreads, Threads.named("cfpbot-send"));
  }

  public void start() {
    if (running.compareAndSet(false, true)) {
      if (storage.database().isEmbedded()) {
        // An embedded database has one process: claims still held are the last run's, which
        // died before it could record them. Waiting out their lease would only delay them.
        int released =
            storage
                .database()
                .inTransaction(
                    "release the last run's claims", tx -> storage.outbox().releaseClaims(tx));
        if (released > 0) {
          log.warn(
              "outbox: {} messages were being sent when the last run stopped; they are sent"
                  + " again, and some may arrive twice",
              released);
        }
      }
      loop = Threads.named("cfpbot-outbox").newThread(this::run);
      loop.start();
      recorder = Threads.named("cfpbot-outbox-record").newThread(this::recordOutcomes);
      recorder.start();
    }
  }

  /** Something was queued: look now rather than at the next poll. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /**
   * Sends everything due for {@code channel} and returns once none of its messages is left unsent
   * (or after {@code timeout}); for channels that deliver instantly (the console), so that output
   * follows input in order.
   *
   * @return whether the channel's queue is empty
   */
  public synchronized boolean drain(String channel, Duration timeout) {
    // Wall time, not the bot's clock: tests stand that clock still.
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      claim(List.of(channel)).forEach(this::deliver);
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
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      await();
    }
  }

  private void run() {
    while (running.get()) {
      try {
        List<OutboxMessage> batch = claim(background);
        for (OutboxMessage message : batch) {
          workers.execute(() -> outcomes.add(new Outcome(message, send(message))));
        }
        if (batch.isEmpty()) {
          await();
        }
      } catch (RuntimeException e) {
        log.warn("outbox: could not claim messages, trying again shortly: {}", e.getMessage());
        await();
      }
    }
  }

  private List<OutboxMessage> claim(List<String> names) {
    Instant now = clock.instant();
    return storage
        .database()
        .inTransaction(
            "claim outbox messages",
            tx -> storage.outbox().claimDue(tx, names, owner, now, LEASE, 200));
  }

  private void await() {
    synchronized (signal) {
      if (!woken) {
        try {
          signal.wait(IDLE_POLL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running.set(false);
        }
      }
      woken = false;
    }
  }

  /** Sends and records on the calling thread (the console's drain). */
  private void deliver(OutboxMessage message) {
    SendResult result = send(message);
    storage
        .database()
        .useTransaction(
            "record outbox delivery", tx -> record(tx, message, result, clock.instant()));
  }

  private SendResult send(OutboxMessage message) {
    Channel channel = channels.get(message.channel());
    try {
      return channel.send(OutboundCodec.decode(message));
    } catch (RuntimeException e) {
      log.warn("outbox: {} send {} threw", message.channel(), message.id(), e);
      return new SendResult.Retry(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Records the outcomes of background sends, as many as have come in, in one transaction: a commit
   * per batch rather than per message. An outcome that cannot be recorded yet (the database is
   * away) is kept and tried again; its message stays claimed meanwhile.
   */
  private void recordOutcomes() {
    List<Outcome> batch = new ArrayList<>();
    while (running.get() || !outcomes.isEmpty() || !batch.isEmpty()) {
      try {
        if (batch.isEmpty()) {
          Outcome first = outcomes.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
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
                tx -> batch.forEach(o -> record(tx, o.message(), o.result(), now)));
        batch.clear();
        wake();
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

  private void record(Tx tx, OutboxMessage message, SendResult result, Instant now) {
    if (result instanceof SendResult.Sent sent) {
      storage.outbox().markSent(tx, message.seq(), sent.platformId(), now);
    } else if (result instanceof SendResult.Retry retry && message.attempts() < MAX_ATTEMPTS) {
      Duration wait = retry.after() != null ? retry.after() : backoff(message.attempts());
      log.info(
          "outbox: {} {} to retry in {} ms: {}",
          message.channel(),
          message.kind(),
          wait.toMillis(),
          retry.reason());
      storage.outbox().retryLater(tx, message.seq(), now.plus(wait), retry.reason());
    } else {
      String reason =
          result instanceof SendResult.Failed f ? f.reason() : ((SendResult.Retry) result).reason();
      log.warn(
          "outbox: {} {} {} failed for good: {}",
          message.channel(),
          message.kind(),
          message.id(),
          reason);
      storage.outbox().markFailed(tx, message.seq(), reason, now);
      failures.report(tx, message, reason, now);
    }
  }

  /** 1 s, 2 s, 4 s ... capped at 5 minutes. */
  static Duration backoff(int attempts) {
    long seconds = 1L << Math.min(Math.max(0, attempts - 1), 9);
    return Duration.ofSeconds(Math.min(seconds, 300));
  }

  @Override
  public void close() {
    // Claim nothing more, let the sends under way finish, record what they did, then stop.
    running.set(false);
    wake();
    join(loop);
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        // Workers only talk HTTP: interrupting them cannot hurt the database.
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    join(recorder);
  }

  private static void join(Thread thread) {
    if (thread == null) {
      return;
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
