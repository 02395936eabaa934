package dev.cfpbot.conversation;

/**
 * The engine's view of a conversation.
 *
 * @param eventId the event the speaker is submitting to or managing
 * @param fieldId the field being asked (ASK), or where to resume a draft (RESUME; null: review)
 * @param submissionId the draft or proposal being worked on
 * @param failures consecutive refused answers to the current field
 * @param returnToReview after the current field, show the summary again
 */
public record ConversationState(
    Step step,
    String eventId,
    String fieldId,
    String submissionId,
    int failures,
    boolean returnToReview) {

  public static ConversationState idle() {
    return new ConversationState(Step.IDLE, null, null, null, 0, false);
  }

  public static ConversationState ask(
      String eventId, String submissionId, String fieldId, boolean returnToReview) {
    return new ConversationState(Step.ASK, eventId, fieldId, submissionId, 0, returnToReview);
  }

  public static ConversationState on(Step step, String eventId, String submissionId) {
    return new ConversationState(step, eventId, null, submissionId, 0, false);
  }

  public ConversationState withFailures(int count) {
    return new ConversationState(step, eventId, fieldId, submissionId, count, returnToReview);
  }

  public ConversationState withField(String id) {
    return new ConversationState(step, eventId, id, submissionId, failures, returnToReview);
  }
}
