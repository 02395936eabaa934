package dev.cfpbot.organizer.review;

import dev.cfpbot.domain.Submission;
import dev.cfpbot.process.SubmissionEvent;
import dev.cfpbot.process.SubmissionListener;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.List;

/**
 * Keeps reviews and waiting decisions in step with the proposal, after the listener it wraps (the
 * organizers' alerts) has heard of each event: a withdrawn proposal's waiting decision never
 * reaches its speaker, and a deleted one (its speaker had their data deleted) loses its reviews and
 * decisions with its answers — comments speak about the person.
 */
public final class ReviewListener implements SubmissionListener {
  private final Storage storage;
  private final SubmissionListener next;

  public ReviewListener(Storage storage, SubmissionListener next) {
    this.storage = storage;
    this.next = next;
  }

  @Override
  public void on(Tx tx, SubmissionEvent event, Instant now) {
    next.on(tx, event, now);
    String id = event.submission().id();
    if (event.type() == SubmissionEvent.Type.WITHDRAWN) {
      drop(tx, id, event.actor(), now);
    } else if (event.type() == SubmissionEvent.Type.DELETED) {
      drop(tx, id, event.actor(), now);
      storage.reviews().deleteFor(tx, id);
      storage.decisionNotices().deleteFor(tx, id);
    }
  }

  @Override
  public void forgotten(Tx tx, List<Submission> tombstones, Instant now) {
    next.forgotten(tx, tombstones, now);
  }

  /** Takes back a decision still waiting: its message never leaves. */
  private void drop(Tx tx, String submissionId, String actor, Instant now) {
    storage
        .decisionNotices()
        .latestOpen(tx, submissionId)
        .filter(n -> n.held(now))
        .ifPresent(
            n -> {
              storage.outbox().cancelUnsent(tx, n.outboxIds());
              storage.decisionNotices().close(tx, n.id(), actor, now);
            });
  }
}
