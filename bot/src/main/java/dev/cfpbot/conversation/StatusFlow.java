package dev.cfpbot.conversation;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * /status: each proposal once, as the organizers have it — a proposal with unsaved edits shows its
 * submitted version, with a note that the changes wait and how to save or drop them.
 */
final class StatusFlow {
  private StatusFlow() {}

  static void status(Turn t) {
    if (t.in.submissions().isEmpty()) {
      t.say(t.t("status.none"), List.of(t.choice("start", "/start")));
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add(t.t("status.header"));
    for (SubmissionView view : t.in.submissions()) {
      EventConfig event = t.config.event(view.submission().eventId()).orElse(null);
      if (event == null) {
        continue;
      }
      Form form = t.config.formOf(event);
      boolean draft = view.submission().state() == SubmissionState.DRAFT;
      // A draft's state says "draft": its name is its title alone.
      String name =
          draft
              ? t.templates.title(form, t.answers(view.id()), t.lang)
              : t.templates.name(view.submission(), form, view.submitted(), t.lang);
      lines.add(
          "• "
              + name
              + " — "
              + t.templates.state(view.submission(), t.lang)
              + " · "
              + event.title().in(t.lang));
      List<String> changed = changed(t, form, view);
      if (!draft && !changed.isEmpty()) {
        boolean here = view.id().equals(t.state.submissionId()) && t.state.step() != Step.IDLE;
        lines.add(
            t.t(
                here ? "status.unsaved" : "status.unsaved_idle",
                "fields",
                String.join(t.lang == Lang.ZH ? "、" : ", ", changed)));
      }
    }
    t.say(String.join("\n", lines));
  }

  /** The labels of the fields whose unsaved answer differs from the submitted one. */
  private static List<String> changed(Turn t, Form form, SubmissionView view) {
    Map<String, Answer> now = t.answers(view.id());
    List<String> labels = new ArrayList<>();
    for (Field field : form.fields()) {
      Answer before = view.submitted().get(field.id());
      Answer after = now.get(field.id());
      if (!same(before, after)) {
        labels.add(field.label().in(t.lang));
      }
    }
    return labels;
  }

  /** The same value (where the answer came from does not matter). */
  private static boolean same(Answer a, Answer b) {
    return a == null || b == null
        ? a == b
        : Objects.equals(a.text(), b.text()) && Objects.equals(a.file(), b.file());
  }
}
