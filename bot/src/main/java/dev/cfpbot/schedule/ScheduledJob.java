package dev.cfpbot.schedule;

import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.Optional;

/** Work that runs at set times: a digest, a countdown post, a reminder. */
public interface ScheduledJob {

  /** Unique and stable: the last run is stored under it. */
  String name();

  /** The latest time at or before {@code now} when the job was due; empty when not yet. */
  Optional<Instant> lastDue(Instant now);

  /** Does the work for the run due at {@code due}, inside the scheduler's transaction. */
  void run(Tx tx, Instant due, Instant now);
}
