package dev.cfpbot.conversation;

import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.TextCleaner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An accepted speaker says whether they will give their talk: 确认参加 (/attend) confirms it, 无法参加
 * (/decline) declines it — or, once confirmed, says they can no longer come. Declining cannot be
 * undone, so it asks first, and takes the reply as the reason (optional) for the organizers. Both
 * work until the event starts.
 */
final class AttendanceFlow {
  /** A reason's limit, in characters: the history keeps it, with the organizers' notes. */
  static final int MAX_REASON = 500;

  private AttendanceFlow() {}

  /** 确认参加 [code]: confirms the accepted talk named, or the only one awaiting an answer. */
  static void attend(Turn t, String arg) {
    List<SubmissionView> waiting = candidates(t, s -> s == SubmissionState.ACCEPTED);
    Optional<SubmissionView> view = chosen(waiting, arg);
    if (view.isEmpty()) {
      if (!offer(t, waiting, arg, "attend.pick", "/attend ")) {
        none(t, "attend.nothing", s -> s == SubmissionState.CONFIRMED, "attend.already");
      }
      Engine.reprompt(t);
      return;
    }
    t.effect(new Effect.Attend(view.get().id()));
    t.say(
        t.t(
            "attend.done",
            "name",
            describe(t, view.get()),
            "event",
            t.eventOf(view.get()).title().in(t.lang)));
    Engine.reprompt(t);
  }

  /** 无法参加 [code]: asks to confirm declining the talk named, or the only one there is. */
  static void decline(Turn t, String arg) {
    if (StartFlow.inDraft(t)
        || t.state.step() == Step.REVIEW
        || t.state.step() == Step.ASK
        || t.state.step() == Step.PICK_FIELD) {
      t.say(t.t("decline.busy"));
      Engine.reprompt(t);
      return;
    }
    List<SubmissionView> talks = candidates(t, SubmissionState::isTalk);
    Optional<SubmissionView> view = chosen(talks, arg);
    if (view.isEmpty()) {
      if (!offer(t, talks, arg, "decline.pick", "/decline ")) {
        none(t, "decline.nothing", s -> false, "decline.nothing");
      }
      Engine.reprompt(t);
      return;
    }
    t.state =
        ConversationState.on(
            Step.CONFIRM_DECLINE, view.get().submission().eventId(), view.get().id());
    ask(t);
  }

  /** The question that waits for the reason, or for 确认 / 取消. */
  static void ask(Turn t) {
    SubmissionView view = t.current();
    t.say(
        t.t(
            view.submission().state() == SubmissionState.CONFIRMED
                ? "decline.confirm_confirmed"
                : "decline.confirm",
            "name",
            describe(t, view),
            "max",
            MAX_REASON),
        List.of(t.choice("decline_confirm", "/confirm"), t.choice("keep_talk", "/cancel")));
  }

  /**
   * The answer to "decline?": 确认 (or 跳过) declines without a reason, any other text is the reason,
   * 取消 keeps the talk. Returns false when the message is another command, to be carried out as
   * usual (the talk is kept).
   */
  static boolean settle(Turn t, Content content) {
    if (!(content instanceof Content.Text text)) {
      Engine.again(t, t.t("invalid.not_text"));
      return true;
    }
    Optional<Command.Kind> command = Command.parse(text.text()).map(Command::kind);
    SubmissionView view = t.current();
    if (command.isPresent() || Command.isUnknownSlash(text.text())) {
      Command.Kind kind = command.orElse(null);
      if (kind == Command.Kind.CONFIRM || kind == Command.Kind.SKIP) {
        decide(t, view, null);
        return true;
      }
      t.state = ConversationState.idle();
      if (kind == Command.Kind.CANCEL) {
        t.say(t.t("decline.kept", "name", describe(t, view)));
        return true;
      }
      return false;
    }
    String reason = TextCleaner.clean(text.text(), true).strip();
    if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
      Engine.again(t, t.t("decline.reason_too_long", "max", MAX_REASON));
      return true;
    }
    decide(t, view, reason.isEmpty() ? null : reason);
    return true;
  }

  private static void decide(Turn t, SubmissionView view, String reason) {
    t.state = ConversationState.idle();
    // The organizers may have decided otherwise, or the event begun, since the question was asked.
    if (!view.submission().state().isTalk() || !beforeStart(t, view)) {
      none(t, "decline.nothing", s -> false, "decline.nothing");
      return;
    }
    t.effect(new Effect.Decline(view.id(), reason));
    t.say(
        t.t(
            "decline.done",
            "name",
            describe(t, view),
            "contact",
            Optional.ofNullable(t.eventOf(view).contact()).orElse("")));
  }

  /** The speaker's talks in a state {@code waiting} accepts, whose event has not begun. */
  private static List<SubmissionView> candidates(Turn t, Predicate<SubmissionState> waiting) {
    return t.in.submissions().stream()
        .filter(s -> s.submission().code() != null)
        .filter(s -> t.config.event(s.submission().eventId()).isPresent())
        .filter(s -> waiting.test(s.submission().state()))
        .filter(s -> beforeStart(t, s))
        .toList();
  }

  /** The candidate {@code arg} names, or the only one when none is named. */
  private static Optional<SubmissionView> chosen(List<SubmissionView> candidates, String arg) {
    String code = arg == null ? "" : arg.strip();
    if (!code.isEmpty()) {
      return candidates.stream()
          .filter(s -> code.equalsIgnoreCase(s.submission().code()))
          .findFirst();
    }
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  /** With several candidates and none named, asks which; returns whether it asked. */
  private static boolean offer(
      Turn t, List<SubmissionView> candidates, String arg, String pickKey, String command) {
    if (candidates.size() < 2 || (arg != null && !arg.isBlank())) {
      return false;
    }
    List<String> lines = new ArrayList<>();
    List<Choice> choices = new ArrayList<>();
    for (SubmissionView view : candidates) {
      lines.add(describe(t, view));
      choices.add(new Choice(view.submission().code(), command + view.submission().code()));
    }
    t.say(t.t(pickKey, "list", String.join("\n", lines)), choices);
    return true;
  }

  /** Nothing to act on: the event began, the talk was answered already, or there is none. */
  private static void none(
      Turn t, String key, Predicate<SubmissionState> answered, String answeredKey) {
    Optional<SubmissionView> started =
        t.in.submissions().stream()
            .filter(s -> t.config.event(s.submission().eventId()).isPresent())
            .filter(s -> s.submission().state().isTalk() && !beforeStart(t, s))
            .findFirst();
    Optional<SubmissionView> done =
        t.in.submissions().stream()
            .filter(s -> t.config.event(s.submission().eventId()).isPresent())
            .filter(s -> answered.test(s.submission().state()))
            .findFirst();
    if (started.isPresent()) {
      t.say(
          t.t(
              "withdraw.started",
              "contact",
              Optional.ofNullable(t.eventOf(started.get()).contact()).orElse("")));
    } else if (done.isPresent()) {
      t.say(t.t(answeredKey, "name", describe(t, done.get())));
    } else {
      t.say(t.t(key));
    }
  }

  private static boolean beforeStart(Turn t, SubmissionView view) {
    Instant start = t.eventOf(view).startInstant();
    return start == null || t.in.now().isBefore(start);
  }

  private static String describe(Turn t, SubmissionView view) {
    return t.templates.name(view.submission(), t.formOf(view), view.submitted(), t.lang);
  }
}
