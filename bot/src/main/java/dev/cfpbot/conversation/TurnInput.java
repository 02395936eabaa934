package dev.cfpbot.conversation;

import dev.cfpbot.storage.model.Speaker;
import java.time.Instant;
import java.util.List;

/**
 * Everything the engine needs for one turn.
 *
 * @param submissions all the speaker's submissions, drafts included
 * @param newId a fresh id, used if the turn creates a draft (the engine makes no randomness)
 * @param nextNumber the number a draft confirmed in this turn gets (valid in REVIEW)
 */
public record TurnInput(
    Speaker speaker,
    ConversationState state,
    List<SubmissionView> submissions,
    Content content,
    Instant now,
    String newId,
    int nextNumber) {

  public TurnInput {
    submissions = List.copyOf(submissions);
  }
}
