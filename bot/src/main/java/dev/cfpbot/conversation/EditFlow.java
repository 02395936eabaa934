package dev.cfpbot.conversation;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.Validation;
import java.util.Optional;

/**
 * An edited message. Chat apps let people correct what they sent, and a bot that ignores the edit
 * leaves them believing the correction was taken. When the edited message gave an answer that still
 * stands, of a proposal that can still change, the new text becomes that answer — checked like any
 * answer, and like any change to a submitted proposal it waits for 确认. Otherwise the speaker hears
 * that the edit was not read and how to change an answer. Either way the current question follows,
 * in the same message.
 */
final class EditFlow {
  private EditFlow() {}

  /** The answer an edited message gave: its proposal and field. */
  private record Target(SubmissionView view, Field field) {}

  static void edited(Turn t, Content.Edited edit) {
    Optional<Target> target =
        readable(edit.text()) ? target(t, edit.messageId()) : Optional.empty();
    if (target.isEmpty()) {
      Engine.again(t, t.t("edit.not_read"));
      return;
    }
    Field field = target.get().field();
    Validation validation = AnswerChecks.validate(field, new Content.Text(edit.text()));
    if (validation instanceof Validation.Invalid invalid) {
      Engine.again(t, t.t("edit.refused", "reason", FormFlow.reason(t, field, invalid)));
      return;
    }
    SubmissionView view = target.get().view();
    if (t.state.step() == Step.IDLE) {
      // A submitted proposal changes as it does through 修改: its summary, to confirm or cancel.
      t.state = ConversationState.on(Step.REVIEW, view.submission().eventId(), view.id());
    }
    String value = ((Validation.Valid) validation).value();
    t.save(Answer.text(field.id(), value, edit.messageId()));
    Engine.again(
        t,
        t.t("edit.applied", "label", field.label().in(t.lang), "value", ReviewFlow.shorten(value)));
  }

  /**
   * Whether an edit's new text can be an answer: typed, a command ("确认", "/skip") would have been a
   * command, never an answer, and so it is not one when edited in either.
   */
  private static boolean readable(String text) {
    return text != null && Command.parse(text).isEmpty() && !Command.isUnknownSlash(text);
  }

  /**
   * The answer that {@code messageId} gave, while it is still the answer (not replaced by a later
   * one), its proposal can still change, and the conversation is on that proposal or idle (not in
   * the middle of something else, which the edit would interrupt).
   */
  private static Optional<Target> target(Turn t, String messageId) {
    if (messageId == null) {
      return Optional.empty();
    }
    for (SubmissionView view : t.in.submissions()) {
      Optional<EventConfig> event = t.config.event(view.submission().eventId());
      if (event.isEmpty() || !changeable(t, view, event.get())) {
        continue;
      }
      for (Answer answer : view.answers().values()) {
        if (messageId.equals(answer.messageId())) {
          return t.config
              .formOf(event.get())
              .field(answer.fieldId())
              .map(field -> new Target(view, field));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean changeable(Turn t, SubmissionView view, EventConfig event) {
    SubmissionState state = view.submission().state();
    if (!event.isOpen(t.in.now()) || !(state == SubmissionState.DRAFT || state.isActive())) {
      return false;
    }
    return switch (t.state.step()) {
      case IDLE -> true;
      case ASK, REVIEW, PICK_FIELD, RESUME -> view.id().equals(t.state.submissionId());
      default -> false;
    };
  }
}
