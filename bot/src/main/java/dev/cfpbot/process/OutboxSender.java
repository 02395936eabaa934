package dev.cfpbot.process;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. A round, in one transaction, records how the last sends went ({@link
 * OutcomeRecorder}) and claims the oldest unsent message of each recipient, and hands those to the
 * workers ({@link SendWorkers}); a worker sends its message through its channel ({@link
 * Deliveries}) and leaves the outcome for the next round. A turn's transaction ends with a round
 * when it can ({@link #inTransaction}); the sender's loop takes one whenever something is left.
 * Channels that deliver synchronously (the console) are left to the {@link SynchronousDrain}.
 */
public final class OutboxSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private final Storage storage;
  private final Clock clock;
  private final String owner = "sender-" + UUID.randomUUID();
  private final Signal signal = new Signal();
  private final AtomicBoolean running = new AtomicBoolean();

  /** A message was queued since the loop last looked. */
  private final AtomicBoolean queued = new AtomicBoolean();

  private final SendWorkers workers;
  private final OutcomeRecorder recorder;
  private final SynchronousDrain synchronous;
  private final ClaimRounds rounds;

  /**
   * Whether turns' transactions take rounds: on an embedded database only. There a commit is the
   * cost (H2 serialises every changed page) and a statement is a call within the process. On
   * PostgreSQL each statement is a round trip that would lengthen the turn's transaction, which in
   * a burst is what the next getUpdates waits for, while the loop's own commit runs beside it on
   * another connection: the warm burst lost 20–30 % of its turns per second with turns' rounds (3
   * alternating runs each, 2026-11-30).
   */
  private final boolean turnRounds;

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
    this(storage, channels, failures, clock, workerThreads, OutcomeRecorder.RECORD_WITHIN);
  }

  /**
   * As the bot's, with how long an outcome of a busy sender may wait for a claim to be recorded
   * with: tests that count writes hold it open for as long as their own steps may take.
   */
  OutboxSender(
      Storage storage,
      Map<String, Channel> channels,
      DeliveryFailures failures,
      Clock clock,
      int workerThreads,
      Duration recordWithin) {
    this.storage = storage;
    this.clock = clock;
    Deliveries deliveries = new Deliveries(storage, channels, failures);
    this.recorder = new OutcomeRecorder(deliveries, signal::wake, recordWithin);
    List<String> foreground =
        channels.values().stream()
            .filter(c -> c.capabilities().synchronous())
            .map(Channel::name)
            .toList();
    List<String> background =
        channels.keySet().stream().filter(c -> !foreground.contains(c)).toList();
    this.synchronous = new SynchronousDrain(storage, deliveries, clock, foreground, owner, signal);
    this.rounds = new ClaimRounds(storage, recorder, background, owner, clock);
    this.turnRounds = storage.database().isEmbedded();
    this.workers = new SendWorkers(workerThreads, deliveries, recorder);
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
      synchronous.start();
    }
  }

  /** Something was queued: look now rather than at the next poll. */
  public void wake() {
    queued.set(true);
    signal.wake();
  }

  /**
   * Delivers what is due for a synchronous {@code channel} on the calling thread and returns once
   * none of its messages is left unsent, or after {@code timeout}. Returns whether none is left.
   */
  public boolean drain(String channel, Duration timeout) {
    return synchronous.drain(channel, timeout);
  }

  /**
   * Runs {@code work} in one transaction which also, on an embedded database and unless the loop is
   * at it at that moment, records the sends that came back and claims what is due: the replies
   * {@code work} queued go to the workers as soon as it commits ({@link ClaimRounds} says why).
   * Otherwise, or if that part failed, the loop is woken to claim them.
   */
  public <T> T inTransaction(String operation, Function<Tx, T> work) {
    ClaimRounds.Joined<T> joined;
    try {
      joined = rounds.joined(operation, work, () -> turnRounds && running.get(), this::handOff);
    } catch (RuntimeException e) {
      // Outcomes taken for the round and not recorded: the loop records them.
      wake();
      throw e;
    }
    if (!joined.handedOff()) {
      wake();
    }
    return joined.result();
  }

  /**
   * How many of {@code channel}'s messages were claimed and wait for a worker: a reply queued now
   * is sent after them.
   */
  public int waiting(String channel) {
    return workers.waiting(channel);
  }

  /** The messages a turn's round claimed, to the workers. */
  private void handOff(List<OutboxMessage> claimed) {
    workers.dispatch(claimed);
    if (claimed.size() == ClaimRounds.LIMIT) {
      wake();
    }
    if (synchronous.any()) {
      // The console's drain waits on the same signal for what a turn queued.
      signal.wake();
    }
  }

  private void run() {
    while (running.get()) {
      List<OutboxMessage> batch = recordAndClaim();
      workers.dispatch(batch);
      // A full batch may have left more behind; otherwise wait for a new message or outcome.
      if (batch.size() < ClaimRounds.LIMIT) {
        await();
      }
    }
  }

  /** Records the sends that came back and claims what is due next, in one transaction. */
  private List<OutboxMessage> recordAndClaim() {
    try {
      return rounds.ownRound();
    } catch (RuntimeException e) {
      log.warn(
          "outbox: deliveries not recorded and nothing claimed, trying again shortly: {}",
          e.getMessage());
    }
    // Whatever failed (the database away, or one outcome that cannot be recorded), it is tried
    // again in a second; meanwhile the other recipients' messages still go out if they can.
    LockSupport.parkNanos(IDLE_POLL.toNanos());
    try {
      return rounds.claimOnly();
    } catch (RuntimeException e) {
      log.warn("outbox: could not claim messages, trying again shortly: {}", e.getMessage());
      return List.of();
    }
  }

  /**
   * Waits for a message to be queued, or until the outcomes come back should be recorded ({@link
   * OutcomeRecorder#recordBy}), or {@link #IDLE_POLL} (a message written for later falls due).
   */
  private void await() {
    long idleUntil = System.nanoTime() + IDLE_POLL.toNanos();
    while (running.get() && !queued.getAndSet(false)) {
      long left = Math.min(idleUntil, recorder.recordBy()) - System.nanoTime();
      if (left <= 0) {
        return;
      }
      // Whole milliseconds, rounded up: a wait of 0 would be a wait without end.
      if (!signal.await(Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(left) + 1))) {
        running.set(false);
      }
    }
  }

  @Override
  public void close() {
    // Claim nothing more, let the sends under way finish, record what they did, then stop.
    running.set(false);
    wake();
    join(loop);
    // A turn's round that began before the flag went down hands its messages to the workers first.
    rounds.awaitRound();
    synchronous.close();
    workers.shutdown();
    recordLast();
  }

  /** The outcomes of the last sends, recorded once no send is under way (tried for 10 s). */
  private void recordLast() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        rounds.recordOnly();
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() - deadline > 0) {
          // Their messages stay claimed: sent again after the lease (or the restart).
          log.warn("outbox: deliveries not recorded at shutdown: {}", e.getMessage());
          return;
        }
        LockSupport.parkNanos(IDLE_POLL.toNanos());
      }
    }
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
