package dev.cfpbot.conversation;

import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A speaker's proposals after submitting: status, edit, withdraw, slides sent later. */
final class ManageFlow {
  private ManageFlow() {}

  /** /edit outside the form: pick a submitted proposal and open it for changes. */
  static void edit(Turn t, String arg) {
    List<SubmissionView> editable = candidates(t, ManageFlow::editable);
    Optional<SubmissionView> named = byCode(editable, arg);
    if (named.isPresent()) {
      open(t, named.get());
    } else if (editable.isEmpty()) {
      explainNone(t, "edit.nothing", s -> s.submission().state().isActive());
    } else if (editable.size() == 1) {
      open(t, editable.get(0));
    } else {
      pick(t, editable, Step.PICK_TO_EDIT, "edit.pick_submission", "/edit ");
    }
  }

  static void withdraw(Turn t, String arg) {
    List<SubmissionView> withdrawable = candidates(t, ManageFlow::withdrawable);
    Optional<SubmissionView> named = byCode(withdrawable, arg);
    if (named.isEmpty() && withdrawable.size() == 1) {
      named = Optional.of(withdrawable.get(0));
    }
    if (named.isPresent()) {
      SubmissionView view = named.get();
      t.state = ConversationState.on(Step.CONFIRM_WITHDRAW, view.submission().eventId(), view.id());
      t.say(
          t.t("withdraw.confirm", "name", describe(t, view)),
          List.of(t.choice("confirm_withdraw", "/confirm"), t.choice("keep", "/cancel")));
    } else if (withdrawable.isEmpty()) {
      explainNone(t, "withdraw.nothing", s -> s.submission().state().isActive());
    } else {
      pick(t, withdrawable, Step.PICK_TO_WITHDRAW, "withdraw.pick", "/withdraw ");
    }
  }

  static void confirmWithdraw(Turn t) {
    SubmissionView view = t.current();
    // The event may have started, or the organizers decided, since the question was asked.
    if (!withdrawable(t, view)) {
      explainNone(
          t,
          "withdraw.nothing",
          s -> s.id().equals(view.id()) && s.submission().state().isActive());
      return;
    }
    t.effect(new Effect.Withdraw(view.id()));
    t.say(t.t("withdraw.done", "name", describe(t, view)));
    t.state = ConversationState.idle();
  }

  /** The answer to "which proposal?" for edit or withdraw. */
  static void picked(Turn t, String text) {
    boolean editing = t.state.step() == Step.PICK_TO_EDIT;
    List<SubmissionView> options =
        candidates(t, editing ? ManageFlow::editable : ManageFlow::withdrawable);
    Optional<SubmissionView> chosen = byCode(options, text);
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 1 && n <= options.size()) {
        chosen = Optional.of(options.get(n - 1));
      }
    } catch (NumberFormatException e) {
      // not a number: the code match above stands
    }
    if (chosen.isEmpty()) {
      t.say(t.t("pick.invalid"));
      pick(
          t,
          options,
          t.state.step(),
          editing ? "edit.pick_submission" : "withdraw.pick",
          editing ? "/edit " : "/withdraw ");
    } else if (editing) {
      open(t, chosen.get());
    } else {
      withdraw(t, chosen.get().submission().code());
    }
  }

  /**
   * A file sent outside the form: the slides for the speaker's only editable proposal, saved as an
   * edit to confirm.
   */
  static void attachLater(Turn t, Content.Attachment file) {
    List<SubmissionView> editable = candidates(t, ManageFlow::editable);
    if (editable.size() != 1) {
      t.say(t.t(editable.isEmpty() ? "file.unexpected" : "file.which"));
      return;
    }
    SubmissionView view = editable.get(0);
    Optional<Field> slides =
        t.formOf(view).fields().stream().filter(f -> f.type() == FieldType.FILE).findFirst();
    if (slides.isEmpty()) {
      t.say(t.t("file.unexpected"));
      return;
    }
    t.state =
        ConversationState.ask(view.submission().eventId(), view.id(), slides.get().id(), true);
    FormFlow.answer(t, file);
  }

  static void closedFor(Turn t, SubmissionView view) {
    StartFlow.closed(t, t.eventOf(view));
  }

  /**
   * Opens a submitted proposal for changes: the list of its answers, one of which to change; with
   * edits not yet saved, the summary that shows them, to save (确认) or drop (取消).
   */
  private static void open(Turn t, SubmissionView view) {
    if (!t.eventOf(view).isOpen(t.in.now())) {
      closedFor(t, view);
      return;
    }
    t.state = ConversationState.on(Step.REVIEW, view.submission().eventId(), view.id());
    if (view.editing()) {
      ReviewFlow.review(t);
    } else {
      ReviewFlow.pickField(t);
    }
  }

  private static boolean editable(Turn t, SubmissionView view) {
    return view.submission().state().isActive() && t.eventOf(view).isOpen(t.in.now());
  }

  /** Withdrawing stays possible after the deadline, until the event starts. */
  private static boolean withdrawable(Turn t, SubmissionView view) {
    Instant start = t.eventOf(view).startInstant();
    return view.submission().state().isActive() && (start == null || t.in.now().isBefore(start));
  }

  private interface Test {
    boolean test(Turn t, SubmissionView view);
  }

  private static List<SubmissionView> candidates(Turn t, Test test) {
    return t.in.submissions().stream()
        .filter(s -> t.config.event(s.submission().eventId()).isPresent())
        .filter(s -> s.submission().state() != SubmissionState.DRAFT)
        .filter(s -> test.test(t, s))
        .toList();
  }

  private static Optional<SubmissionView> byCode(List<SubmissionView> options, String code) {
    String c = code == null ? "" : code.strip();
    return options.stream().filter(s -> c.equalsIgnoreCase(s.submission().code())).findFirst();
  }

  /** Nothing to act on: say why (none at all, or the deadline or the event passed). */
  private static void explainNone(
      Turn t, String key, java.util.function.Predicate<SubmissionView> active) {
    Optional<SubmissionView> late = t.in.submissions().stream().filter(active).findFirst();
    if (late.isPresent() && key.startsWith("edit")) {
      closedFor(t, late.get());
    } else if (late.isPresent()) {
      t.say(
          t.t(
              "withdraw.started",
              "contact",
              Optional.ofNullable(t.eventOf(late.get()).contact()).orElse("")));
    } else {
      t.say(t.t(key), List.of(t.choice("start", "/start")));
    }
    t.state = ConversationState.idle();
  }

  private static void pick(
      Turn t, List<SubmissionView> options, Step step, String key, String command) {
    List<String> lines = new ArrayList<>();
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      SubmissionView view = options.get(i);
      lines.add((i + 1) + ". " + describe(t, view));
      choices.add(new Choice(view.submission().code(), command + view.submission().code()));
    }
    t.state = ConversationState.on(step, null, null);
    t.say(t.t(key, "list", String.join("\n", lines)), choices);
  }

  private static String describe(Turn t, SubmissionView view) {
    return t.templates.name(view.submission(), t.formOf(view), t.answers(view.id()), t.lang);
  }
}
