package dev.cfpbot.process;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. One loop claims the oldest unsent message of each recipient and hands it to
 * a worker; a worker sends it through its channel ({@link Deliveries}) and leaves the outcome to
 * the {@link OutcomeRecorder}. Channels that deliver synchronously (the console) are left to the
 * {@link SynchronousDrain}.
 */
public final class OutboxSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private final Storage storage;
  private final List<String> background;
  private final Clock clock;
  private final String owner = "sender-" + UUID.randomUUID();
  private final Signal signal = new Signal();
  private final AtomicBoolean running = new AtomicBoolean();
  private final ExecutorService workers;
  private final Deliveries deliveries;
  private final OutcomeRecorder recorder;
  private final SynchronousDrain synchronous;
  private Thread loop;

  /**
   * @param workerThreads how many messages (to different recipients) may be in flight at once
   */
  public OutboxSender(
      Storage storage,
      Map<String, Channel> channels,
      DeliveryFailures failures,
      Clock clock,
      int workerThreads) {
    this.storage = storage;
    this.clock = clock;
    this.deliveries = new Deliveries(storage, channels, failures);
    this.recorder = new OutcomeRecorder(storage, deliveries, clock, signal::wake);
    List<String> foreground =
        channels.values().stream()
            .filter(c -> c.capabilities().synchronous())
            .map(Channel::name)
            .toList();
    this.background = channels.keySet().stream().filter(c -> !foreground.contains(c)).toList();
    this.synchronous = new SynchronousDrain(storage, deliveries, clock, foreground, owner, signal);
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
      recorder.start();
      synchronous.start();
    }
  }

  /** Something was queued: look now rather than at the next poll. */
  public void wake() {
    signal.wake();
  }

  /**
   * Delivers what is due for a synchronous {@code channel} on the calling thread and returns once
   * none of its messages is left unsent, or after {@code timeout}. Returns whether none is left.
   */
  public boolean drain(String channel, Duration timeout) {
    return synchronous.drain(channel, timeout);
  }

  private void run() {
    while (running.get()) {
      try {
        List<OutboxMessage> batch = claim();
        for (OutboxMessage message : batch) {
          workers.execute(() -> recorder.add(message, deliveries.send(message)));
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

  private List<OutboxMessage> claim() {
    Instant now = clock.instant();
    return storage
        .database()
        .inTransaction(
            "claim outbox messages",
            tx -> storage.outbox().claimDue(tx, background, owner, now, LEASE, 200));
  }

  private void await() {
    if (!signal.await(IDLE_POLL)) {
      running.set(false);
    }
  }

  @Override
  public void close() {
    // Claim nothing more, let the sends under way finish, record what they did, then stop.
    running.set(false);
    wake();
    join(loop);
    synchronous.close();
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
    recorder.close();
  }

  static void join(Thread thread) {
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
