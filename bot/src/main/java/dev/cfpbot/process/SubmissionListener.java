package dev.cfpbot.process;

import dev.cfpbot.storage.Tx;
import java.time.Instant;

/** Hears of every submission event, inside the transaction that caused it. */
@FunctionalInterface
public interface SubmissionListener {
  void on(Tx tx, SubmissionEvent event, Instant now);
}
