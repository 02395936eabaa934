package dev.cfpbot.conversation;

/** Where a speaker is in the dialogue. Stored by name: renaming a constant is a migration. */
public enum Step {
  /** No form in progress. */
  IDLE,
  /** Several calls are open: which event is the talk for? */
  CHOOSE_EVENT,
  /** A draft exists and the speaker said start: continue it or start over? */
  RESUME,
  /** Asking the field {@code fieldId}. */
  ASK,
  /** Showing the summary: confirm, edit or cancel. */
  REVIEW,
  /** Which field of the summary to change? */
  PICK_FIELD,
  /** Which submitted proposal to edit? */
  PICK_TO_EDIT,
  /** Which submitted proposal to withdraw? */
  PICK_TO_WITHDRAW,
  /** Withdraw {@code submissionId}: sure? */
  CONFIRM_WITHDRAW,
  /**
   * Delete everything stored about the speaker: sure? Keeps the form's place ({@code eventId},
   * {@code submissionId}, {@code fieldId}) to go back to when the speaker changes their mind.
   */
  CONFIRM_FORGET,
  /**
   * Drop the draft {@code submissionId} and its answers: sure? Keeps the place ({@code fieldId},
   * {@code returnToReview}; no field: the summary) to go back to when the speaker keeps the draft.
   */
  CONFIRM_CANCEL,
  /**
   * Decline the talk {@code submissionId}: sure? The reply is the reason for the organizers
   * (optional: 确认 declines without one), 取消 keeps the talk.
   */
  CONFIRM_DECLINE
}
