package dev.cfpbot.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a proposal. A draft becomes submitted when the speaker confirms it; organizers then
 * shortlist, accept or reject it (and may change their minds); the speaker may withdraw it while it
 * is still in play. An accepted speaker is asked whether they will give the talk: they confirm it
 * ({@link #CONFIRMED}) or decline it ({@link #DECLINED}); a confirmed speaker who can no longer
 * come declines or withdraws it. A speaker who asks the bot to forget them turns every proposal
 * into a tombstone ({@link #DELETED}: code, event and dates kept, answers gone), from whatever
 * state it was in.
 */
public enum SubmissionState {
  DRAFT,
  SUBMITTED,
  SHORTLISTED,
  ACCEPTED,
  REJECTED,
  WITHDRAWN,
  /** The speaker said they will give the accepted talk. */
  CONFIRMED,
  /** The speaker said they cannot give the accepted (or confirmed) talk. */
  DECLINED,
  DELETED;

  /** Whether the rules allow going from this state to {@code next}. */
  public boolean canBecome(SubmissionState next) {
    return successors().contains(next);
  }

  /**
   * Whether an organizer may take back the decision this state records, before the speaker heard of
   * it, returning the proposal to {@code earlier}: undecided again, or the decision it had before.
   * Not a move of the state machine: what was decided is undone, as if it had not been.
   */
  public boolean canReturnTo(SubmissionState earlier) {
    return isDecision() && earlier != this && (earlier == SUBMITTED || earlier.isDecision());
  }

  /** Shortlisted, accepted or rejected: what organizers decide. */
  public boolean isDecision() {
    return this == SHORTLISTED || this == ACCEPTED || this == REJECTED;
  }

  /**
   * Organizers have not decided yet, or decided to take it (and its speaker may have confirmed):
   * the speaker may still withdraw.
   */
  public boolean isActive() {
    return this == SUBMITTED || this == SHORTLISTED || this == ACCEPTED || this == CONFIRMED;
  }

  /**
   * A proposal the speaker has confirmed at some point and neither withdrawn, declined nor deleted.
   */
  public boolean isSubmitted() {
    return this != DRAFT && this != WITHDRAWN && this != DECLINED && this != DELETED;
  }

  /** Accepted or confirmed: a talk of the event, whose answers' public fields may be shown. */
  public boolean isTalk() {
    return this == ACCEPTED || this == CONFIRMED;
  }

  private Set<SubmissionState> successors() {
    return switch (this) {
      case DRAFT -> EnumSet.of(SUBMITTED, DELETED);
      case SUBMITTED -> EnumSet.of(SHORTLISTED, ACCEPTED, REJECTED, WITHDRAWN, DELETED);
      case SHORTLISTED -> EnumSet.of(ACCEPTED, REJECTED, WITHDRAWN, DELETED);
      case ACCEPTED -> EnumSet.of(SHORTLISTED, REJECTED, WITHDRAWN, CONFIRMED, DECLINED, DELETED);
      case REJECTED -> EnumSet.of(SHORTLISTED, ACCEPTED, DELETED);
      case WITHDRAWN -> EnumSet.of(DELETED);
      case CONFIRMED -> EnumSet.of(DECLINED, WITHDRAWN, DELETED);
      case DECLINED -> EnumSet.of(DELETED);
      case DELETED -> EnumSet.noneOf(SubmissionState.class);
    };
  }
}
