package dev.cfpbot.conversation;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.Submission;
import java.util.Map;

/**
 * A speaker's submission as the engine sees it.
 *
 * @param answers by field id; for a proposal being edited, the edits in place of the originals
 * @param editing the speaker has unconfirmed edits
 * @param submitted the answers as the organizers have them, without the unconfirmed edits (for a
 *     draft: its answers)
 */
public record SubmissionView(
    Submission submission,
    Map<String, Answer> answers,
    boolean editing,
    Map<String, Answer> submitted) {

  public SubmissionView {
    answers = Map.copyOf(answers);
    submitted = Map.copyOf(submitted);
  }

  public String id() {
    return submission.id();
  }
}
