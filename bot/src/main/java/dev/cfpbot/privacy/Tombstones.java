package dev.cfpbot.privacy;

import dev.cfpbot.domain.Submission;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.List;

/**
 * Deletes a forgotten speaker's proposals through the one door for submission state changes (the
 * app passes {@code SubmissionLifecycle::forget}): drafts go, every other proposal becomes a
 * tombstone. Declared here so that the data rights need nothing from the turn processing above
 * them, which uses them.
 */
@FunctionalInterface
public interface Tombstones {

  /** Returns the tombstones. */
  List<Submission> forget(Tx tx, List<Submission> of, String actor, Instant now);
}
