package dev.cfpbot.process;

import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.AnswerStore;
import dev.cfpbot.storage.SubmissionStore;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every change of a submission's state goes through here: the transition is checked against the
 * state machine, persisted with its history, and announced to the listener (which tells the
 * organizers and, for decisions, the speaker) in the same transaction.
 */
public final class SubmissionLifecycle {
  private final SubmissionStore submissions;
  private final AnswerStore answers;
  private final SubmissionListener listener;

  public SubmissionLifecycle(
      SubmissionStore submissions, AnswerStore answers, SubmissionListener listener) {
    this.submissions = submissions;
    this.answers = answers;
    this.listener = listener;
  }

  public void submit(Tx tx, String id, int number, String code, Instant now) {
    answers.discardPending(tx, id);
    change(tx, id, SubmissionState.SUBMITTED, number, code, "speaker", null, now, List.of());
  }

  /** Makes the speaker's pending edits the submission's answers. */
  public void confirmEdits(Tx tx, String id, Instant now) {
    List<String> changed = answers.promotePending(tx, id, now);
    submissions.touch(tx, id, now);
    Submission after = load(tx, id);
    // An edit is no state change, but the digest reports it: record it in the history as one.
    submissions.appendHistory(
        tx,
        new HistoryEntry(
            id,
            after.state(),
            after.state(),
            "speaker",
            "edited: " + String.join(", ", changed),
            now));
    listener.on(
        tx, new SubmissionEvent(SubmissionEvent.Type.EDITED, after, changed, "speaker", null), now);
  }

  public void withdraw(Tx tx, String id, String actor, Instant now) {
    answers.discardPending(tx, id);
    change(tx, id, SubmissionState.WITHDRAWN, null, null, actor, null, now, List.of());
  }

  /** The speaker of an accepted talk says they will give it. */
  public Submission confirm(Tx tx, String id, Instant now) {
    return change(tx, id, SubmissionState.CONFIRMED, null, null, "speaker", null, now, List.of());
  }

  /**
   * The speaker of an accepted or confirmed talk says they cannot give it; {@code reason} (null:
   * none given) goes to the organizers and stays in the history until the speaker is forgotten.
   */
  public Submission decline(Tx tx, String id, String reason, Instant now) {
    answers.discardPending(tx, id);
    return change(tx, id, SubmissionState.DECLINED, null, null, "speaker", reason, now, List.of());
  }

  /**
   * Empties a proposal, from whatever state, into a tombstone: every answer goes (pending edits
   * too), while its code, event, dates and history stay, so that organizers' numbers add up.
   */
  public Submission delete(Tx tx, String id, String actor, Instant now) {
    answers.deleteAll(tx, id);
    submissions.clearSpeakerNotes(tx, id); // why they declined, in their words

    return change(tx, id, SubmissionState.DELETED, null, null, actor, null, now, List.of());
  }

  /**
   * Deletes a speaker's submissions: drafts, which organizers never saw, go entirely (as when the
   * speaker cancels one); every other proposal becomes a tombstone. The listener hears once for all
   * of them. Returns the tombstones.
   */
  public List<Submission> forget(Tx tx, List<Submission> of, String actor, Instant now) {
    List<Submission> tombstones = new ArrayList<>();
    for (Submission s : of) {
      if (s.state() == SubmissionState.DRAFT) {
        submissions.deleteDraft(tx, s.id());
      } else if (s.state() != SubmissionState.DELETED) {
        tombstones.add(delete(tx, s.id(), actor, now));
      }
    }
    if (!tombstones.isEmpty()) {
      listener.forgotten(tx, tombstones, now);
    }
    return tombstones;
  }

  /**
   * An organizer's decision: shortlisted, accepted or rejected. The speaker hears of it from {@code
   * organizer.review.Decisions}, which takes every decision and holds its message back for a while.
   *
   * @throws IllegalStateException when the submission's state does not allow it
   */
  public Submission decide(
      Tx tx, String id, SubmissionState decision, String actor, String note, Instant now) {
    if (decision != SubmissionState.ACCEPTED
        && decision != SubmissionState.REJECTED
        && decision != SubmissionState.SHORTLISTED) {
      throw new IllegalArgumentException(decision + " is not a decision");
    }
    return change(tx, id, decision, null, null, actor, note, now, List.of());
  }

  /**
   * Takes back the decision a submission is in before its speaker heard of it, returning it to
   * {@code to}: undecided, or the decision it had before.
   *
   * @throws IllegalStateException when the submission's state is no decision that can return there
   */
  public Submission undo(Tx tx, String id, SubmissionState to, String actor, Instant now) {
    Submission before = load(tx, id);
    submissions.returnTo(tx, id, before.state(), to, actor, "undone", now);
    Submission after = load(tx, id);
    listener.on(
        tx, new SubmissionEvent(SubmissionEvent.Type.UNDONE, after, List.of(), actor, null), now);
    return after;
  }

  private Submission change(
      Tx tx,
      String id,
      SubmissionState to,
      Integer number,
      String code,
      String actor,
      String note,
      Instant now,
      List<String> changed) {
    Submission before = load(tx, id);
    submissions.changeState(tx, id, before.state(), to, number, code, actor, note, now);
    Submission after = load(tx, id);
    SubmissionEvent.Type type =
        switch (to) {
          case SUBMITTED -> SubmissionEvent.Type.SUBMITTED;
          case WITHDRAWN -> SubmissionEvent.Type.WITHDRAWN;
          case DELETED -> SubmissionEvent.Type.DELETED;
          case CONFIRMED -> SubmissionEvent.Type.CONFIRMED;
          case DECLINED -> SubmissionEvent.Type.DECLINED;
          default -> SubmissionEvent.Type.DECIDED;
        };
    listener.on(tx, new SubmissionEvent(type, after, changed, actor, note), now);
    return after;
  }

  private Submission load(Tx tx, String id) {
    return submissions
        .get(tx, id)
        .orElseThrow(() -> new IllegalStateException("submission " + id + " does not exist"));
  }
}
