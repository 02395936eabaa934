package dev.cfpbot.organizer.review;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.process.SubmissionLifecycle;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.DecisionNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decisions with a safety net. A decision is recorded at once (through the lifecycle) and the
 * organizers hear of it, but its message to the speaker waits in the outbox for {@code
 * bot.decision_delay}. Until it leaves, any organizer can change the decision (the waiting message
 * is taken back and the new one waits in its place) or undo it (the message is taken back in the
 * same transaction: it never leaves). Once the speaker was told, another decision needs an explicit
 * second step and sends them a correction. Shortlisting tells the speaker nothing unless {@code
 * bot.tell_shortlisted} says so.
 */
public final class Decisions {
  /** A note's limit, in characters: the history keeps it. */
  public static final int MAX_NOTE = 1000;

  /** What became of a decision or an undo. */
  public enum Kind {
    RECORDED,
    /** The proposal is in that state already. */
    UNCHANGED,
    /** The speaker was told another decision: it takes a second, explicit step. */
    NEEDS_CONFIRMATION,
    /** The proposal's state allows no decision (withdrawn, deleted). */
    NOT_ALLOWED,
    /** The note is longer than {@link #MAX_NOTE}. */
    NOTE_TOO_LONG,
    UNDONE,
    NOTHING_TO_UNDO,
    /** The message had just left: the speaker has it. */
    TOO_LATE
  }

  /**
   * @param submission the proposal afterwards
   * @param notice the decision recorded (for {@link Kind#RECORDED})
   * @param told what the speaker was told before (for {@link Kind#NEEDS_CONFIRMATION})
   */
  public record Outcome(
      Kind kind, Submission submission, DecisionNotice notice, SubmissionState told) {}

  private final CfpConfig config;
  private final Storage storage;
  private final SubmissionLifecycle lifecycle;
  private final Outbox outbox;
  private final DecisionTexts texts;
  private final Duration delay;

  public Decisions(
      CfpConfig config,
      Messages messages,
      Storage storage,
      SubmissionLifecycle lifecycle,
      Outbox outbox) {
    this.config = config;
    this.storage = storage;
    this.lifecycle = lifecycle;
    this.outbox = outbox;
    this.texts = new DecisionTexts(config, messages, storage);
    this.delay = config.bot().decisionWait();
  }

  /**
   * Decides {@code to} for {@code s}, with a note for the speaker.
   *
   * @param confirmed the organizer confirmed a change of what the speaker was already told
   */
  public Outcome decide(
      Tx tx,
      Submission s,
      SubmissionState to,
      String actor,
      String note,
      boolean confirmed,
      Instant now) {
    return decide(tx, s, to, actor, note, confirmed, true, now);
  }

  /**
   * Decides {@code to} for many proposals at once (from the board): each as {@link #decide}, none
   * needing a confirmation taken, and one alert for all of them. Returns each one's outcome.
   */
  public List<Outcome> decideAll(
      Tx tx, List<Submission> all, SubmissionState to, String actor, String note, Instant now) {
    List<Outcome> outcomes = new java.util.ArrayList<>();
    for (Submission s : all) {
      outcomes.add(decide(tx, s, to, actor, note, false, false, now));
    }
    List<Submission> decided =
        outcomes.stream().filter(o -> o.kind() == Kind.RECORDED).map(Outcome::submission).toList();
    if (!decided.isEmpty()) {
      outbox.toOrganizers(tx, "alert", texts.decidedAll(decided, to, actor, note, now), now);
    }
    return outcomes;
  }

  private Outcome decide(
      Tx tx,
      Submission s,
      SubmissionState to,
      String actor,
      String note,
      boolean confirmed,
      boolean alert,
      Instant now) {
    if (!to.isDecision()) {
      throw new IllegalArgumentException(to + " is not a decision");
    }
    if (!decidable(s)) {
      return new Outcome(Kind.NOT_ALLOWED, s, null, null);
    }
    if (s.state() == to) {
      return new Outcome(Kind.UNCHANGED, s, null, null);
    }
    if (note != null && note.length() > MAX_NOTE) {
      return new Outcome(Kind.NOTE_TOO_LONG, s, null, null);
    }
    Optional<DecisionNotice> open = storage.decisionNotices().latestOpen(tx, s.id());
    Optional<SubmissionState> told = storage.decisionNotices().told(tx, s.id());
    SubmissionState baseline = s.state();
    if (open.isPresent() && open.get().held(now)) {
      if (told.isPresent() && to != told.get() && !confirmed) {
        return new Outcome(Kind.NEEDS_CONFIRMATION, s, null, told.get());
      }
      if (!storage.outbox().cancelUnsent(tx, open.get().outboxIds()) && open.get().tells()) {
        // It left as we looked: the speaker has that one now.
        told = Optional.of(open.get().state());
      } else {
        storage.decisionNotices().close(tx, open.get().id(), actor, now);
        baseline = open.get().baselineState();
      }
    }
    if (told.isPresent() && to != told.get() && !confirmed) {
      return new Outcome(Kind.NEEDS_CONFIRMATION, s, null, told.get());
    }
    Submission after = lifecycle.decide(tx, s.id(), to, actor, note, now);
    boolean tells =
        to != told.orElse(null)
            && (to != SubmissionState.SHORTLISTED
                || config.bot().tellShortlisted()
                || told.isPresent());
    boolean correction = tells && told.isPresent();
    // Back to what the speaker knows: nothing to send, nothing to wait for.
    Instant due = to == told.orElse(null) ? now : now.plus(delay);
    List<String> ids = List.of();
    if (tells) {
      Speaker speaker = storage.speakers().get(tx, s.speakerId()).orElseThrow();
      ids =
          outbox.send(
              tx,
              speaker.channel(),
              speaker.externalId(),
              "decision",
              texts.toSpeaker(tx, speaker, after, note, correction),
              due);
    }
    DecisionNotice notice =
        new DecisionNotice(
            0, s.id(), to, baseline, tells, correction, ids, actor, now, due, null, null, tells);
    storage.decisionNotices().insert(tx, notice);
    if (alert) {
      outbox.toOrganizers(tx, "alert", texts.decided(tx, after, actor, note, notice), now);
    }
    return new Outcome(Kind.RECORDED, after, notice, told.orElse(null));
  }

  /**
   * Takes back the decision {@code s} is in while its message has not left: the message is deleted
   * in this transaction, and the proposal returns to what it was before.
   */
  public Outcome undo(Tx tx, Submission s, String actor, Instant now) {
    Optional<DecisionNotice> open = storage.decisionNotices().latestOpen(tx, s.id());
    if (open.isEmpty() || open.get().state() != s.state()) {
      return new Outcome(Kind.NOTHING_TO_UNDO, s, null, null);
    }
    DecisionNotice n = open.get();
    if (!n.held(now)) {
      return new Outcome(n.tells() ? Kind.TOO_LATE : Kind.NOTHING_TO_UNDO, s, n, null);
    }
    if (n.tells() && !storage.outbox().cancelUnsent(tx, n.outboxIds())) {
      return new Outcome(Kind.TOO_LATE, s, n, null);
    }
    storage.decisionNotices().close(tx, n.id(), actor, now);
    Submission after =
        n.baselineState() == s.state()
            ? s
            : lifecycle.undo(tx, s.id(), n.baselineState(), actor, now);
    outbox.toOrganizers(tx, "alert", texts.undone(tx, after, actor), now);
    return new Outcome(Kind.UNDONE, after, n, null);
  }

  /** Whether organizers can decide {@code s} now. */
  public boolean decidable(Submission s) {
    return (s.state() == SubmissionState.SUBMITTED || s.state().isDecision())
        && config.event(s.eventId()).isPresent();
  }

  DecisionTexts texts() {
    return texts;
  }
}
