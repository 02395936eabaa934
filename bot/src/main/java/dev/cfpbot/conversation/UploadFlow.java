package dev.cfpbot.conversation;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import java.util.Optional;

/**
 * A file uploaded on the upload page, for the proposal and field its link names. It becomes that
 * answer when the chat is on that proposal (its slides question, another of its questions, its
 * summary) or idle; otherwise it is refused with the reason, in the chat and on the page, and the
 * chat goes on where it was.
 */
final class UploadFlow {
  private UploadFlow() {}

  static void received(Turn t, Content.Attachment file) {
    Content.Target target = file.target();
    Optional<SubmissionView> found =
        t.submission(target.submissionId())
            .filter(v -> t.config.event(v.submission().eventId()).isPresent());
    Optional<Field> field =
        found
            .flatMap(v -> t.formOf(v).field(target.fieldId()))
            .filter(f -> f.type() == FieldType.FILE);
    if (found.isEmpty() || field.isEmpty()) {
      refuse(t, FileRefusal.GONE, t.t("file.upload_gone"));
      return;
    }
    SubmissionView view = found.get();
    SubmissionState state = view.submission().state();
    if (state != SubmissionState.DRAFT && !state.isActive()) {
      String name = t.templates.name(view.submission(), t.formOf(view), view.answers(), t.lang);
      String shown = t.templates.state(view.submission(), t.lang);
      refuse(
          t,
          FileRefusal.NOT_EDITABLE,
          t.t("file.upload_not_editable", "name", name, "state", shown));
      return;
    }
    EventConfig event = t.eventOf(view);
    if (!event.isOpen(t.in.now())) {
      String deadline = t.templates.deadline(event, t.lang);
      refuse(
          t,
          FileRefusal.CLOSED,
          t.t("file.upload_closed", "title", event.title().in(t.lang), "deadline", deadline));
      return;
    }
    Step step = t.state.step();
    boolean onIt = view.id().equals(t.state.submissionId());
    if (step == Step.ASK && onIt && field.get().id().equals(t.state.fieldId())) {
      FormFlow.answer(t, file);
    } else if (step == Step.IDLE
        || onIt && (step == Step.ASK || step == Step.REVIEW || step == Step.PICK_FIELD)) {
      // Saved as if the speaker had chosen that field from the summary, which then shows again.
      t.state =
          ConversationState.ask(view.submission().eventId(), view.id(), field.get().id(), true);
      FormFlow.answer(t, file);
    } else {
      refuse(t, FileRefusal.ELSEWHERE, t.t("file.upload_elsewhere"));
    }
  }

  private static void refuse(Turn t, FileRefusal why, String text) {
    t.refuseFile(why);
    t.say(text);
    Engine.reprompt(t);
  }
}
