package dev.cfpbot.conversation;

import dev.cfpbot.domain.Speaker;
import java.time.Instant;
import java.util.List;

/**
 * Everything the engine needs for one turn.
 *
 * @param submissions all the speaker's submissions, drafts included
 * @param newId a fresh id, used if the turn creates a draft (the engine makes no randomness)
 * @param nextNumber the number a draft confirmed in this turn gets (valid in REVIEW)
 * @param messageId the platform's id of the message (stored with a typed answer, so that an edit of
 *     that message can change the answer); null when the platform has none
 */
public record TurnInput(
    Speaker speaker,
    ConversationState state,
    List<SubmissionView> submissions,
    Content content,
    Instant now,
    String newId,
    int nextNumber,
    String messageId) {

  public TurnInput {
    submissions = List.copyOf(submissions);
  }
}
