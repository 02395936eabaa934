package dev.cfpbot.process;

import java.time.Duration;

/** A wake-up call between threads: one waits up to a poll interval, another says "look now". */
final class Signal {
  private final Object lock = new Object();
  private boolean woken;

  void wake() {
    synchronized (lock) {
      woken = true;
      lock.notifyAll();
    }
  }

  /**
   * Returns when woken (at once if woken since the last wait) or after {@code most}; false when the
   * thread was interrupted.
   */
  boolean await(Duration most) {
    synchronized (lock) {
      try {
        if (!woken) {
          lock.wait(most.toMillis());
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        woken = false;
      }
    }
  }
}
