package dev.cfpbot.storage.rows;

import dev.cfpbot.domain.SubmissionState;
import java.time.Instant;
import java.util.List;

/**
 * A decision taken through the safety net, and the message it sends the speaker when its delay is
 * over.
 *
 * @param baselineState what undoing it returns the proposal to
 * @param tells whether the speaker gets a message at all (a shortlisting may tell nothing)
 * @param correction the message corrects a decision the speaker was already told
 * @param outboxIds the message's parts in the outbox, in order; empty when it tells nothing
 * @param closedAt when it was undone or replaced before it left; null while it stands
 * @param waiting its message is still in the outbox, never tried: it can be taken back
 */
public record DecisionNotice(
    long id,
    String submissionId,
    SubmissionState state,
    SubmissionState baselineState,
    boolean tells,
    boolean correction,
    List<String> outboxIds,
    String actor,
    Instant decidedAt,
    Instant dueAt,
    Instant closedAt,
    String closedBy,
    boolean waiting) {

  public DecisionNotice {
    outboxIds = List.copyOf(outboxIds);
  }

  /** Whether it can still be changed or undone without the speaker having heard of it. */
  public boolean held(Instant now) {
    return closedAt == null && (tells ? waiting : dueAt.isAfter(now));
  }

  /** Whether its message has left for the speaker (or was given up). */
  public boolean told() {
    return tells && closedAt == null && !waiting;
  }
}
