package dev.cfpbot.conversation;

import dev.cfpbot.domain.SubmissionState;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /cancel backs out one step. From the list of answers, or a question opened from the summary, back
 * to the summary; at the summary (or in the middle of the form) a draft with answers is dropped
 * only after the speaker confirms, since those answers cannot be had back; a submitted proposal's
 * unsaved edits are dropped at once (the proposal itself stays as submitted).
 */
final class CancelFlow {
  /** What drops the draft at the question; anything else keeps it. */
  private static final List<String> CONFIRM_WORDS =
      List.of("确认", "确认放弃", "confirm", "discard", "/confirm");

  private CancelFlow() {}

  static void cancel(Turn t) {
    ConversationState s = t.state;
    switch (s.step()) {
      case PICK_FIELD -> backToReview(t);
      case ASK, REVIEW, RESUME -> {
        if (s.step() == Step.ASK && s.returnToReview()) {
          backToReview(t);
        } else if (t.current().submission().state() == SubmissionState.DRAFT
            && !t.answers(s.submissionId()).isEmpty()) {
          ask(t);
        } else {
          leave(t);
        }
      }
      case IDLE -> t.say(t.t("cancel.nothing"));
      default -> {
        t.say(t.t("cancel.done"));
        t.state = ConversationState.idle();
      }
    }
  }

  /**
   * The answer to "drop the draft?". The confirm word drops it; anything else keeps it and goes
   * back where the speaker was. Returns false when the message is a command still to be carried
   * out, or something other than text for that place to take.
   */
  static boolean settle(Turn t, Content content) {
    String text = content instanceof Content.Text x ? x.text().strip() : null;
    if (text != null && CONFIRM_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
      leave(t);
      return true;
    }
    restore(t);
    Optional<Command.Kind> command =
        text == null ? Optional.empty() : Command.parse(text).map(Command::kind);
    boolean carriedOut =
        text == null
            || command.isPresent()
                && command.get() != Command.Kind.CANCEL
                && command.get() != Command.Kind.CONFIRM
                && command.get() != Command.Kind.CONTINUE;
    if (carriedOut) {
      t.say(t.t("cancel.kept"));
      return false;
    }
    // Typed text is no answer here: the question was whether to drop the draft.
    Engine.again(t, t.t("cancel.kept"));
    return true;
  }

  private static void ask(Turn t) {
    ConversationState s = t.state;
    t.state =
        new ConversationState(
            Step.CONFIRM_CANCEL,
            s.eventId(),
            s.step() == Step.REVIEW ? null : s.fieldId(),
            s.submissionId(),
            0,
            s.returnToReview());
    t.say(
        t.t("cancel.confirm", "answered", t.answers(s.submissionId()).size()),
        List.of(t.choice("discard", "/confirm"), t.choice("keep", "/continue")));
  }

  /**
   * Back to the summary: of a draft, or of a proposal with edits to save; a submitted proposal with
   * no change has no summary to go back to, and is left as it was.
   */
  private static void backToReview(Turn t) {
    SubmissionView view = t.current();
    if (view.submission().state() == SubmissionState.DRAFT || view.editing()) {
      ReviewFlow.review(t);
    } else {
      leave(t);
    }
  }

  /** Leaves the draft or the edits, keeping nothing half-done. */
  private static void leave(Turn t) {
    SubmissionView view = t.current();
    if (view.submission().state() == SubmissionState.DRAFT) {
      t.effect(new Effect.DiscardDraft(view.id()));
      t.say(t.t("cancel.draft"), List.of(t.choice("start", "/start")));
    } else {
      t.effect(new Effect.DiscardEdits(view.id()));
      t.say(t.t("cancel.edits", "code", view.submission().code()));
    }
    t.state = ConversationState.idle();
  }

  /** Back to the question or summary the speaker was at. */
  private static void restore(Turn t) {
    ConversationState s = t.state;
    t.state =
        s.fieldId() != null && t.form().field(s.fieldId()).isPresent()
            ? ConversationState.ask(s.eventId(), s.submissionId(), s.fieldId(), s.returnToReview())
            : ConversationState.on(Step.REVIEW, s.eventId(), s.submissionId());
  }
}
