package dev.cfpbot.conversation;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import dev.cfpbot.form.Form;
import dev.cfpbot.form.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Filling in the form: one field at a time, with back and skip. */
final class FormFlow {
  /**
   * At this many refused answers in a row, the speaker is offered help, skip or cancel: once per
   * question (/help counts as the offer).
   */
  static final int FAILURES_BEFORE_HELP = 3;

  private FormFlow() {}

  /** Starts a new draft for {@code event} and asks the first field. */
  static void begin(Turn t, EventConfig event) {
    String id = t.in.newId();
    t.effect(new Effect.CreateDraft(id, event.id()));
    Form form = t.config.formOf(event);
    t.state = ConversationState.ask(event.id(), id, form.first().id(), false);
    // The call and the first question are one message: one send fewer per submission (Telegram
    // allows 30 a second for the whole call), and the question comes right under the call.
    t.sayBefore(
        t.templates.event(event, t.lang)
            + "\n\n"
            + t.t("privacy", "days", t.config.privacy().retentionDays())
            + "\n\n"
            + t.t("form.start", "count", form.fields().size()),
        () -> ask(t, form.first(), false));
  }

  /** Asks {@code field}, showing the current answer when there is one. */
  static void ask(Turn t, Field field, boolean returnToReview) {
    t.state =
        ConversationState.ask(
            t.state.eventId(), t.state.submissionId(), field.id(), returnToReview);
    t.say(question(t, field));
  }

  static Reply question(Turn t, Field field) {
    Form form = t.form();
    StringBuilder text = new StringBuilder();
    text.append('(')
        .append(form.fields().indexOf(field) + 1)
        .append('/')
        .append(form.fields().size())
        .append(") ")
        .append(field.prompt().in(t.lang));
    if (field.type() == FieldType.CHOICE) {
      text.append('\n').append(options(t, field));
    }
    if (!field.required()) {
      text.append('\n').append(t.t("ask.optional"));
    }
    Answer current = t.answers(t.state.submissionId()).get(field.id());
    if (current != null) {
      text.append('\n')
          .append(t.t("ask.current", "value", t.templates.value(field, current, t.lang)));
    }
    List<Choice> choices = new ArrayList<>();
    // A choice field's buttons send the option's id, which answers the question as typed text.
    field.options().forEach(o -> choices.add(new Choice(o.label().in(t.lang), o.id())));
    if (!field.required()) {
      choices.add(t.choice("skip", "/skip"));
    }
    UploadRequest upload =
        field.type() == FieldType.FILE
            ? new UploadRequest(t.state.submissionId(), field.id(), false)
            : null;
    return new Reply(text.toString(), choices, field.type() == FieldType.PHONE, null, upload);
  }

  /** Takes what the speaker sent as the answer to the field being asked. */
  static void answer(Turn t, Content content) {
    EventConfig event = t.event().orElseThrow();
    if (!event.isOpen(t.in.now()) && t.currentIsDraft()) {
      StartFlow.closed(t, event);
      return;
    }
    Field field = t.form().field(t.state.fieldId()).orElseThrow();
    Validation validation = AnswerChecks.validate(field, content);
    if (validation instanceof Validation.Valid && content instanceof Content.Attachment a) {
      validation = FileQuota.exceeded(t, field, a).map(Validation.class::cast).orElse(validation);
    }
    if (validation instanceof Validation.Invalid invalid) {
      if (content instanceof Content.Attachment) {
        boolean quota = invalid.reason().equals(FileQuota.REASON);
        t.refuseFile(quota ? FileRefusal.QUOTA : FileRefusal.INVALID);
      }
      // Not text at all (a photo, a voice note, a document where words are expected): the
      // question again, as the speaker's screen may no longer show it.
      boolean notText =
          content instanceof Content.Unsupported || invalid.reason().equals("invalid.not_text");
      refuse(t, field, invalid, notText);
      return;
    }
    String value = ((Validation.Valid) validation).value();
    if (content instanceof Content.Attachment a && field.type() == FieldType.FILE) {
      FileRef file =
          a.stored() != null
              ? a.stored()
              : new FileRef(a.fileName(), a.mimeType(), a.size(), null, null, a.platformRef());
      t.save(Answer.file(field.id(), file));
    } else if (content instanceof Content.Text) {
      // Typed: an edit of this message may change the answer later (see EditFlow).
      t.save(Answer.text(field.id(), value, t.in.messageId()));
    } else {
      t.save(Answer.text(field.id(), value));
    }
    advance(t, field);
  }

  /** After {@code field}: the summary, or the next field without an answer. */
  static void advance(Turn t, Field field) {
    if (t.state.returnToReview()) {
      ReviewFlow.review(t);
      return;
    }
    Map<String, Answer> answers = t.answers(t.state.submissionId());
    Optional<Field> next =
        t.form().after(field.id()).stream().filter(f -> !answers.containsKey(f.id())).findFirst();
    if (next.isPresent()) {
      ask(t, next.get(), false);
    } else {
      ReviewFlow.review(t);
    }
  }

  static void back(Turn t) {
    Field field = t.form().field(t.state.fieldId()).orElseThrow();
    if (t.state.returnToReview()) {
      ReviewFlow.review(t);
      return;
    }
    Optional<Field> previous = t.form().before(field.id());
    if (previous.isEmpty()) {
      t.say(t.t("back.first"));
      ask(t, field, false);
    } else {
      ask(t, previous.get(), false);
    }
  }

  static void skip(Turn t) {
    Field field = t.form().field(t.state.fieldId()).orElseThrow();
    if (field.required()) {
      t.say(t.t("skip.required", "label", field.label().in(t.lang)));
      ask(t, field, t.state.returnToReview());
      return;
    }
    t.remove(field);
    advance(t, field);
  }

  /** Why {@code field} refused an answer, in the speaker's language. */
  static String reason(Turn t, Field field, Validation.Invalid invalid) {
    List<Object> args = new ArrayList<>(invalid.args());
    args.add("types");
    args.add(String.join(", ", field.fileTypes()).toUpperCase(Locale.ROOT));
    args.add("label");
    args.add(field.label().in(t.lang));
    args.add("options");
    args.add(options(t, field));
    return t.t(invalid.reason(), args.toArray());
  }

  /** A choice field's options as a numbered list: "1. 30 分钟", one a line. */
  static String options(Turn t, Field field) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < field.options().size(); i++) {
      list.append(i == 0 ? "" : "\n")
          .append(i + 1)
          .append(". ")
          .append(field.options().get(i).label().in(t.lang));
    }
    return list.toString();
  }

  /**
   * Refuses an answer with the reason and an example; with {@code repeatQuestion} (a photo or a
   * voice note: the reason is that it is not text), with the question itself instead, since the
   * speaker's screen may no longer show it.
   */
  private static void refuse(
      Turn t, Field field, Validation.Invalid invalid, boolean repeatQuestion) {
    int failures = t.state.failures() + 1;
    StringBuilder text = new StringBuilder(reason(t, field, invalid));
    if (field.example() != null && !repeatQuestion) {
      text.append('\n').append(t.t("ask.example", "example", field.example().in(t.lang)));
    }
    List<Choice> choices = new ArrayList<>();
    field.options().forEach(o -> choices.add(new Choice(o.label().in(t.lang), o.id())));
    if (failures == FAILURES_BEFORE_HELP) {
      text.append("\n\n")
          .append(t.t(field.required() ? "invalid.stuck_required" : "invalid.stuck_optional"));
      choices.add(t.choice("help", "/help"));
      if (!field.required()) {
        choices.add(t.choice("skip", "/skip"));
      }
      choices.add(t.choice("cancel", "/cancel"));
    } else if (!field.required()) {
      choices.add(t.choice("skip", "/skip"));
    }
    if (repeatQuestion) {
      text.append("\n\n").append(question(t, field).text());
    }
    t.state = t.state.withFailures(failures);
    UploadRequest upload =
        field.type() != FieldType.FILE
            ? null
            : new UploadRequest(
                t.state.submissionId(),
                field.id(),
                invalid.reason().equals("invalid.file_too_big_here"));
    t.say(new Reply(text.toString(), choices, field.type() == FieldType.PHONE, null, upload));
  }
}
