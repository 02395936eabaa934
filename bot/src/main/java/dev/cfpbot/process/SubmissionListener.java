package dev.cfpbot.process;

import dev.cfpbot.domain.Submission;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.List;

/** Hears of every submission event, inside the transaction that caused it. */
@FunctionalInterface
public interface SubmissionListener {
  void on(Tx tx, SubmissionEvent event, Instant now);

  /**
   * A speaker had their data deleted, leaving {@code tombstones} (code, event, dates): heard once
   * for all of them, after each one's own {@link SubmissionEvent.Type#DELETED} event.
   */
  default void forgotten(Tx tx, List<Submission> tombstones, Instant now) {}
}
