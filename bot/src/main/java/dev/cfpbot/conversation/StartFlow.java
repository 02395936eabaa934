package dev.cfpbot.conversation;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.SubmissionState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Starting a submission: which event, a draft to resume, the limit per speaker, the deadline. */
final class StartFlow {
  private StartFlow() {}

  /**
   * /start, 投稿 or a deep link ({@code arg} = event id). With a draft in progress, offers to
   * continue it or start over.
   */
  static void start(Turn t, String arg) {
    if (inDraft(t)) {
      offerResume(t);
      return;
    }
    if (editing(t)) {
      t.say(t.t("start.editing", "code", t.current().submission().code()));
      Engine.reprompt(t);
      return;
    }
    Optional<EventConfig> linked = arg.isEmpty() ? Optional.empty() : t.config.event(arg);
    if (linked.isPresent()) {
      if (linked.get().isOpen(t.in.now())) {
        begin(t, linked.get());
      } else {
        closed(t, linked.get());
      }
      return;
    }
    List<EventConfig> open = t.config.openEvents(t.in.now());
    if (open.isEmpty()) {
      noneOpen(t);
    } else if (open.size() == 1) {
      begin(t, open.get(0));
    } else {
      chooseEvent(t, open);
    }
  }

  /** The speaker answered the "which event" question. */
  static void eventChosen(Turn t, String text) {
    List<EventConfig> open = t.config.openEvents(t.in.now());
    String s = text.strip();
    Optional<EventConfig> chosen = open.stream().filter(e -> e.id().equals(s)).findFirst();
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= open.size()) {
        chosen = Optional.of(open.get(n - 1));
      }
    } catch (NumberFormatException e) {
      // not a number: the id match above stands
    }
    if (chosen.isPresent()) {
      begin(t, chosen.get());
    } else {
      t.say(t.t("choose_event.invalid"));
      chooseEvent(t, open);
    }
  }

  static void begin(Turn t, EventConfig event) {
    long submitted =
        t.in.submissions().stream()
            .filter(s -> s.submission().eventId().equals(event.id()))
            .filter(s -> s.submission().state().isSubmitted())
            .count();
    int max = t.config.bot().maxSubmissionsPerSpeaker();
    if (submitted >= max) {
      t.state = ConversationState.idle();
      t.say(t.t("cap.reached", "title", event.title().in(t.lang), "count", submitted, "max", max));
      return;
    }
    FormFlow.begin(t, event);
  }

  static void offerResume(Turn t) {
    SubmissionView draft = t.current();
    // From the summary (or a field opened from it), resume at the summary.
    boolean atReview =
        t.state.step() == Step.REVIEW
            || t.state.step() == Step.PICK_FIELD
            || (t.state.step() == Step.ASK && t.state.returnToReview());
    String resumeAt = atReview ? null : t.state.fieldId();
    int answered = t.answers(draft.id()).size();
    t.state = new ConversationState(Step.RESUME, t.state.eventId(), resumeAt, draft.id(), 0, false);
    t.say(
        t.t(
            "resume",
            "title",
            t.event().orElseThrow().title().in(t.lang),
            "answered",
            answered,
            "count",
            t.form().fields().size()),
        List.of(t.choice("continue", "/continue"), t.choice("restart", "/restart")));
  }

  /** Continue the draft where it stopped. */
  static void resume(Turn t) {
    String fieldId = t.state.fieldId();
    if (fieldId == null || t.form().field(fieldId).isEmpty()) {
      ReviewFlow.review(t);
    } else {
      FormFlow.ask(t, t.form().field(fieldId).orElseThrow(), false);
    }
  }

  /** Throw the draft away and begin again. */
  static void restart(Turn t) {
    EventConfig event = t.event().orElseThrow();
    t.effect(new Effect.DiscardDraft(t.state.submissionId()));
    if (event.isOpen(t.in.now())) {
      begin(t, event);
    } else {
      closed(t, event);
    }
  }

  /** Submissions for {@code event} are closed: say when they closed, or when they open. */
  static void closed(Turn t, EventConfig event) {
    t.state = ConversationState.idle();
    if (event.isUpcoming(t.in.now())) {
      t.say(upcoming(t, event));
      return;
    }
    t.say(
        t.t(
            "closed.event",
            "title",
            event.title().in(t.lang),
            "deadline",
            t.templates.deadline(event, t.lang)));
  }

  /** Following the account: the call and how to take part. */
  static void welcome(Turn t) {
    List<EventConfig> open = t.config.openEvents(t.in.now());
    if (open.isEmpty()) {
      noneOpen(t);
      return;
    }
    List<String> parts = new ArrayList<>();
    parts.add(t.t("welcome"));
    open.forEach(e -> parts.add(t.templates.event(e, t.lang)));
    parts.add(t.t("start.how"));
    t.say(String.join("\n\n", parts), List.of(t.choice("start", "/start")));
  }

  /**
   * 活动信息 / about (a WeChat menu item, and a word anywhere): the open calls, without changing what
   * the speaker is doing; when idle, how to take part.
   */
  static void about(Turn t) {
    List<EventConfig> open = t.config.openEvents(t.in.now());
    List<EventConfig> upcoming = t.config.upcomingEvents(t.in.now());
    if (open.isEmpty() && upcoming.isEmpty()) {
      t.say(noneOpenText(t));
      return;
    }
    List<String> parts = new ArrayList<>();
    open.forEach(e -> parts.add(t.templates.event(e, t.lang)));
    upcoming.forEach(
        e ->
            parts.add(
                t.templates.event(e, t.lang)
                    + "\n\n"
                    + t.t("event.opens", "opens", t.templates.opens(e, t.lang))));
    if (t.state.step() == Step.IDLE && !open.isEmpty()) {
      parts.add(t.t("start.how"));
      t.say(String.join("\n\n", parts), List.of(t.choice("start", "/start")));
    } else {
      t.say(String.join("\n\n", parts));
    }
  }

  /** Editing a submitted proposal (not: being asked to confirm its withdrawal). */
  private static boolean editing(Turn t) {
    return switch (t.state.step()) {
      case ASK, REVIEW, PICK_FIELD -> t.state.submissionId() != null && !t.currentIsDraft();
      default -> false;
    };
  }

  static boolean inDraft(Turn t) {
    return switch (t.state.step()) {
      case ASK, REVIEW, PICK_FIELD, RESUME ->
          t.currentIsDraft() && t.current().submission().state() == SubmissionState.DRAFT;
      default -> false;
    };
  }

  private static void chooseEvent(Turn t, List<EventConfig> open) {
    List<String> lines = new ArrayList<>();
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < open.size(); i++) {
      EventConfig e = open.get(i);
      lines.add((i + 1) + ". " + e.title().in(t.lang) + " — " + t.templates.deadline(e, t.lang));
      choices.add(new Choice(e.title().in(t.lang), "/start " + e.id()));
    }
    t.state = ConversationState.on(Step.CHOOSE_EVENT, null, null);
    t.say(t.t("choose_event", "list", String.join("\n", lines)), choices);
  }

  private static void noneOpen(Turn t) {
    t.state = ConversationState.idle();
    t.say(noneOpenText(t));
  }

  /** No call is open: say so, when the next ones open, and when the last one closed. */
  private static String noneOpenText(Turn t) {
    Optional<EventConfig> last =
        t.config.events().stream()
            .filter(e -> !e.closesAt().isAfter(t.in.now()))
            .max(Comparator.comparing(EventConfig::closesAt));
    String lastText =
        last.map(
                e ->
                    t.t(
                        "closed.last",
                        "title",
                        e.title().in(t.lang),
                        "deadline",
                        t.templates.deadline(e, t.lang)))
            .orElse("");
    List<String> lines = new ArrayList<>();
    lines.add(t.t("closed.none_open"));
    t.config.upcomingEvents(t.in.now()).forEach(e -> lines.add(upcoming(t, e)));
    lines.add(lastText);
    return String.join("\n", lines).strip();
  }

  /** When a call that has not opened yet opens, and its deadline. */
  private static String upcoming(Turn t, EventConfig event) {
    return t.t(
        "upcoming.event",
        "title",
        event.title().in(t.lang),
        "opens",
        t.templates.opens(event, t.lang),
        "deadline",
        t.templates.deadline(event, t.lang));
  }
}
