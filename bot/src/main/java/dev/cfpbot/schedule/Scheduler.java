package dev.cfpbot.schedule;

import dev.cfpbot.concurrent.Shutdown;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled jobs. Each run is claimed in the database before it is done, in the same
 * transaction, so a restart does not repeat it and of several instances only one does it. A run
 * missed by more than {@link #GRACE} (the bot was down) is skipped, not sent late.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
  static final Duration GRACE = Duration.ofHours(1);
  private static final String LEASE = "scheduler";

  /** Three ticks: a holder that misses two is still the holder. */
  static final Duration LEASE_TTL = Duration.ofSeconds(90);

  private final String holder = "scheduler-" + java.util.UUID.randomUUID();

  private final Storage storage;
  private final List<ScheduledJob> jobs;
  private final Clock clock;
  private final Runnable afterRun;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Threads.named("cfpbot-schedule"));

  /**
   * @param afterRun called after a job ran (wakes the outbox sender)
   */
  public Scheduler(Storage storage, List<ScheduledJob> jobs, Clock clock, Runnable afterRun) {
    this.storage = storage;
    this.jobs = List.copyOf(jobs);
    this.clock = clock;
    this.afterRun = afterRun;
  }

  public void start(Duration every) {
    timer.scheduleWithFixedDelay(this::tickSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs every job that is due now and has not run for that time yet. One tick at a time in a
   * process: the timer's and one asked for directly (a test's) would otherwise run a job side by
   * side, each deciding on what the other has not committed yet.
   */
  public synchronized void tick() {
    Instant now = clock.instant();
    if (!holdLease(now)) {
      return; // another instance runs the schedules
    }
    for (ScheduledJob job : jobs) {
      Optional<Instant> due = job.lastDue(now);
      if (due.isEmpty()) {
        continue;
      }
      boolean late = due.get().plus(GRACE).isBefore(now);
      boolean ran;
      try {
        ran = runOnce(job, due.get(), late, now);
      } catch (StorageException e) {
        if (!e.isUniqueViolation()) {
          throw e;
        }
        ran = false; // another instance (or tick) claimed this run first
      }
      if (ran) {
        log.info("schedule: ran {} due at {}", job.name(), due.get());
        afterRun.run();
      }
    }
  }

  /** Takes or renews the cluster-wide scheduler lease; a dead holder's lease runs out. */
  private boolean holdLease(Instant now) {
    try {
      return storage
          .database()
          .inTransaction(
              "renew scheduler lease",
              tx -> storage.leases().acquire(tx, LEASE, holder, now, LEASE_TTL));
    } catch (StorageException e) {
      if (e.isUniqueViolation()) {
        return false;
      }
      throw e;
    }
  }

  /** Claims the run and, unless it is late, does the work, in one transaction. */
  private boolean runOnce(ScheduledJob job, Instant due, boolean late, Instant now) {
    return storage
        .database()
        .inTransaction(
            "run scheduled " + job.name(),
            tx -> {
              if (!storage.schedules().claimRun(tx, job.name(), due, now)) {
                return false;
              }
              if (late) {
                log.info(
                    "schedule: {} was due at {}, more than {} ago: skipped",
                    job.name(),
                    due,
                    GRACE);
                return false;
              }
              job.run(tx, due, now);
              return true;
            });
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("schedule: a job failed, will try again: {}", e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    Shutdown.gently(timer, "the scheduler");
    try {
      storage
          .database()
          .useTransaction(
              "release scheduler lease", tx -> storage.leases().release(tx, LEASE, holder));
    } catch (StorageException e) {
      log.debug("schedule: lease not released: {}", e.getMessage());
    }
  }
}
