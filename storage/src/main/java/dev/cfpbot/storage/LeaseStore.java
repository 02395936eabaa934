package dev.cfpbot.storage;

import java.time.Duration;
import java.time.Instant;

/** Leases: at most one holder per name at a time, lost when not renewed. */
public final class LeaseStore {

  /**
   * Takes or renews the lease {@code name} for {@code holder} until {@code now + ttl}. Returns
   * whether {@code holder} holds it now. Two instances taking a free lease at once: one of them
   * fails with a unique violation and does not hold it.
   */
  public boolean acquire(Tx tx, String name, String holder, Instant now, Duration ttl) {
    int renewed =
        tx.update(
            "renew lease",
            "update leases set holder = ?, expires_at = ? where name = ? and (holder = ? or expires_at < ?)",
            holder,
            now.plus(ttl),
            name,
            holder,
            now);
    if (renewed == 1) {
      return true;
    }
    if (tx.count("look up lease", "select count(*) from leases where name = ?", name) > 0) {
      return false;
    }
    tx.update(
        "take lease",
        "insert into leases (name, holder, expires_at) values (?, ?, ?)",
        name,
        holder,
        now.plus(ttl));
    return true;
  }

  /** Gives the lease up, if {@code holder} has it. */
  public void release(Tx tx, String name, String holder) {
    tx.update("release lease", "delete from leases where name = ? and holder = ?", name, holder);
  }
}
