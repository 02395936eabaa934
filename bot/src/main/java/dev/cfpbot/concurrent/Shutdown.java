package dev.cfpbot.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops executors without interrupting their threads. A thread interrupted while H2 writes to its
 * file closes the file channel under it, and H2 then shuts the database down: so work that may
 * touch the database is asked to stop and waited for, never interrupted.
 */
public final class Shutdown {
  private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

  private Shutdown() {}

  public static void gently(ExecutorService executor, String what) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
        log.warn("{} did not stop within 15 seconds; leaving it to the exit", what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
