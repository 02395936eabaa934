package dev.cfpbot.conversation;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The summary of a draft or of a proposal being edited: confirm, change a field, or cancel. */
final class ReviewFlow {
  private ReviewFlow() {}

  static void review(Turn t) {
    SubmissionView view = t.current();
    t.state = ConversationState.on(Step.REVIEW, t.state.eventId(), view.id());
    String answers = t.templates.answers(t.form(), t.answers(view.id()), t.lang);
    if (view.submission().state() == SubmissionState.DRAFT) {
      t.say(t.t("review", "answers", answers), choices(t));
    } else {
      t.say(
          t.t("review.editing", "code", view.submission().code(), "answers", answers), choices(t));
    }
  }

  /** Something else than a command at the summary: what it waits for (submit, or save edits). */
  static void expect(Turn t) {
    boolean draft = t.current().submission().state() == SubmissionState.DRAFT;
    t.say(t.t(draft ? "expect.review" : "expect.review_editing"), choices(t));
  }

  private static List<Choice> choices(Turn t) {
    return List.of(
        t.choice("confirm", "/confirm"), t.choice("edit", "/edit"), t.choice("cancel", "/cancel"));
  }

  /** Submits the draft, or saves the edits, shown in the summary. */
  static void confirm(Turn t) {
    SubmissionView view = t.current();
    EventConfig event = t.event().orElseThrow();
    if (!event.isOpen(t.in.now())) {
      if (view.editing()) {
        // The edits can never be confirmed now: drop them, so the proposal shows as submitted.
        t.effect(new Effect.DiscardEdits(view.id()));
      }
      StartFlow.closed(t, event);
      return;
    }
    Form form = t.form();
    Map<String, Answer> answers = t.answers(view.id());
    Optional<Field> missing =
        form.fields().stream()
            .filter(f -> f.required() && !answers.containsKey(f.id()))
            .findFirst();
    if (missing.isPresent()) {
      t.say(t.t("review.missing", "label", missing.get().label().in(t.lang)));
      FormFlow.ask(t, missing.get(), true);
      return;
    }
    String block = t.templates.answers(form, answers, t.lang);
    String title = t.templates.title(form, answers, t.lang);
    if (view.submission().state() == SubmissionState.DRAFT) {
      String code = event.code(t.in.nextNumber());
      t.effect(new Effect.Submit(view.id(), t.in.nextNumber(), code));
      t.say(
          t.t(
              "receipt",
              "code",
              code,
              "title",
              title,
              "deadline",
              t.templates.deadline(event, t.lang),
              "answers",
              block));
    } else if (view.editing()) {
      t.effect(new Effect.ConfirmEdits(view.id()));
      t.say(t.t("edits.saved", "code", view.submission().code(), "title", title, "answers", block));
    } else {
      t.say(t.t("edits.none", "code", view.submission().code(), "title", title));
    }
    t.state = ConversationState.idle();
  }

  /** Asks which field of the summary to change. */
  static void pickField(Turn t) {
    Form form = t.form();
    Map<String, Answer> answers = t.answers(t.state.submissionId());
    List<String> lines = new ArrayList<>();
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < form.fields().size(); i++) {
      Field f = form.fields().get(i);
      String value = t.templates.value(f, answers.get(f.id()), t.lang);
      lines.add(
          (i + 1)
              + ". "
              + f.label().in(t.lang)
              + (t.lang == Lang.ZH ? "：" : ": ")
              + shorten(value));
      choices.add(new Choice(f.label().in(t.lang), "/edit " + f.id()));
    }
    t.state = ConversationState.on(Step.PICK_FIELD, t.state.eventId(), t.state.submissionId());
    SubmissionView view = t.current();
    String list = String.join("\n", lines);
    if (view.submission().state() == SubmissionState.DRAFT) {
      t.say(t.t("edit.pick_field", "list", list), choices);
    } else {
      t.say(
          t.t(
              "edit.pick_field_submitted",
              "code",
              view.submission().code(),
              "title",
              t.templates.title(form, t.answers(view.id()), t.lang),
              "list",
              list),
          choices);
    }
  }

  /** The field named by a number, an id or a label in either language. */
  static Optional<Field> field(Form form, String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    try {
      int n = Integer.parseInt(s);
      return n >= 1 && n <= form.fields().size()
          ? Optional.of(form.fields().get(n - 1))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return form.fields().stream()
          .filter(
              f ->
                  f.id().equals(s)
                      || f.label().zh().toLowerCase(Locale.ROOT).equals(s)
                      || f.label().en().toLowerCase(Locale.ROOT).equals(s))
          .findFirst();
    }
  }

  static String shorten(String value) {
    String oneLine = value.replace('\n', ' ');
    return oneLine.codePointCount(0, oneLine.length()) <= 30
        ? oneLine
        : oneLine.substring(0, oneLine.offsetByCodePoints(0, 29)) + "…";
  }
}
