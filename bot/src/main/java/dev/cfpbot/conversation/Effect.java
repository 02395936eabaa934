package dev.cfpbot.conversation;

import dev.cfpbot.domain.Answer;

/** A change the engine asks for; the turn processor applies all of a turn's effects at once. */
public sealed interface Effect {

  record CreateDraft(String submissionId, String eventId) implements Effect {}

  /**
   * Saves an answer. {@code pending}: an edit to a submitted proposal, confirmed later; an answer
   * with neither text nor file stands for a removal.
   */
  record SaveAnswer(String submissionId, Answer answer, boolean pending) implements Effect {}

  /** Removes an answer of a draft (a skipped optional field). */
  record RemoveAnswer(String submissionId, String fieldId) implements Effect {}

  record DiscardDraft(String submissionId) implements Effect {}

  record DiscardEdits(String submissionId) implements Effect {}

  /** The speaker confirmed a draft: it gets {@code number} and {@code code}. */
  record Submit(String submissionId, int number, String code) implements Effect {}

  /** The speaker confirmed edits to a submitted proposal. */
  record ConfirmEdits(String submissionId) implements Effect {}

  record Withdraw(String submissionId) implements Effect {}

  /** The speaker will give the accepted talk. */
  record Attend(String submissionId) implements Effect {}

  /** The speaker cannot give the talk; {@code reason} is theirs to give (null: none). */
  record Decline(String submissionId, String reason) implements Effect {}

  record SetLanguage(String language) implements Effect {}

  record SetReminders(boolean on) implements Effect {}

  /**
   * Show the speaker everything stored about them. The turn processor builds it from storage (the
   * engine sees only part of it) and sends it ahead of the turn's replies.
   */
  record ShowData() implements Effect {}

  /**
   * Delete everything stored about the speaker: answers, files, profile and conversation; their
   * proposals become tombstones. The turn's replies are the last messages they get.
   */
  record Forget() implements Effect {}
}
