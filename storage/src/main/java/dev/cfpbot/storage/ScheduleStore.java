package dev.cfpbot.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * When each piece of scheduled work last ran, so that a restart neither repeats a digest nor skips
 * one, and so that of several instances only one does the work.
 */
public final class ScheduleStore {

  public Optional<Instant> lastRun(Tx tx, String name) {
    return tx.first(
        "read schedule",
        "select last_run_at from schedule_runs where name = ?",
        row -> Tx.instant(row, "last_run_at"),
        name);
  }

  /**
   * Records that {@code name} ran at {@code at}, if it did not run at or after {@code due} already.
   * Returns false when another run got there first: the caller must not do the work.
   */
  public boolean claimRun(Tx tx, String name, Instant due, Instant at) {
    Optional<Instant> last = lastRun(tx, name);
    if (last.isEmpty()) {
      tx.update(
          "record schedule run",
          "insert into schedule_runs (name, last_run_at) values (?, ?)",
          name,
          at);
      return true;
    }
    return tx.update(
            "record schedule run",
            "update schedule_runs set last_run_at = ? where name = ? and last_run_at < ?",
            at,
            name,
            due)
        == 1;
  }

  /** Records that {@code name} ran at {@code at}, whatever was recorded before. */
  public void markRun(Tx tx, String name, Instant at) {
    if (tx.update(
            "record schedule run",
            "update schedule_runs set last_run_at = ? where name = ?",
            at,
            name)
        == 0) {
      tx.update(
          "record schedule run",
          "insert into schedule_runs (name, last_run_at) values (?, ?)",
          name,
          at);
    }
  }
}
