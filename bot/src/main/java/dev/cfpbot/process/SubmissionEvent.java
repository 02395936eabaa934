package dev.cfpbot.process;

import dev.cfpbot.domain.Submission;
import java.util.List;

/**
 * Something happened to a submission that people should hear about.
 *
 * @param submission the submission after the change
 * @param changedFields for {@link Type#EDITED}: the ids of the fields that changed
 * @param actor who did it: "speaker" or an organizer
 */
public record SubmissionEvent(
    Type type, Submission submission, List<String> changedFields, String actor, String note) {

  public enum Type {
    SUBMITTED,
    EDITED,
    WITHDRAWN,
    DECIDED,
    /** An organizer took a decision back before the speaker heard of it. */
    UNDONE,
    /** The speaker had their data deleted: the submission is a tombstone. */
    DELETED,
    /** The speaker of an accepted talk will give it. */
    CONFIRMED,
    /** The speaker cannot give the talk after all ({@code note}: their reason, if any). */
    DECLINED
  }

  public SubmissionEvent {
    changedFields = List.copyOf(changedFields);
  }
}
