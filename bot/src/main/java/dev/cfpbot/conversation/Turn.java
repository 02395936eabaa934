package dev.cfpbot.conversation;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One turn in the making: the input, the state as it changes, and the replies and effects so far.
 * Answers saved during the turn are visible to the rest of it (the summary after the last answer
 * shows that answer).
 */
final class Turn {
  final TurnInput in;
  final CfpConfig config;
  final Messages messages;
  final Templates templates;
  ConversationState state;
  Lang lang;
  private final List<Reply> replies = new ArrayList<>();
  private final List<Effect> effects = new ArrayList<>();
  private final Map<String, Map<String, Answer>> working = new HashMap<>();
  private FileRefusal fileRefused;

  Turn(TurnInput in, CfpConfig config, Messages messages, Templates templates) {
    this.in = in;
    this.config = config;
    this.messages = messages;
    this.templates = templates;
    this.lang = Lang.parse(in.speaker().language()).orElse(config.bot().defaultLanguage());
    this.state = sane(in.state());
  }

  String t(String key, Object... args) {
    return messages.text(lang, key, args);
  }

  void say(String text, List<Choice> choices) {
    replies.add(new Reply(text, choices, false));
  }

  void say(String text) {
    say(text, List.of());
  }

  void say(Reply reply) {
    replies.add(reply);
  }

  /**
   * Runs {@code prompt} (which says what the conversation waits for) with {@code text} at the head
   * of its first message: one message, so that a channel answering with one reply (WeChat's passive
   * reply) shows both.
   */
  void sayBefore(String text, Runnable prompt) {
    int at = replies.size();
    prompt.run();
    if (replies.size() == at) {
      say(text);
    } else {
      replies.set(at, replies.get(at).withText(text + "\n\n" + replies.get(at).text()));
    }
  }

  void effect(Effect effect) {
    effects.add(effect);
  }

  Choice choice(String key, String command) {
    return new Choice(t("choice." + key), command);
  }

  Optional<EventConfig> event() {
    return state.eventId() == null ? Optional.empty() : config.event(state.eventId());
  }

  EventConfig eventOf(SubmissionView view) {
    return config.event(view.submission().eventId()).orElseThrow();
  }

  Form form() {
    return config.formOf(event().orElseThrow());
  }

  Form formOf(SubmissionView view) {
    return config.formOf(eventOf(view));
  }

  Optional<SubmissionView> submission(String id) {
    return in.submissions().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The submission the conversation is working on. */
  SubmissionView current() {
    return submission(state.submissionId()).orElseThrow();
  }

  boolean currentIsDraft() {
    return state.submissionId() != null
        && submission(state.submissionId())
            .map(s -> s.submission().state() == SubmissionState.DRAFT)
            .orElse(true);
  }

  /** Answers of a submission as of now in this turn. */
  Map<String, Answer> answers(String submissionId) {
    return working.computeIfAbsent(
        submissionId,
        id -> new LinkedHashMap<>(submission(id).map(SubmissionView::answers).orElse(Map.of())));
  }

  /** Saves an answer to the current submission: directly for a draft, as an edit otherwise. */
  void save(Answer answer) {
    String id = state.submissionId();
    effect(new Effect.SaveAnswer(id, answer, !currentIsDraft()));
    answers(id).put(answer.fieldId(), answer);
  }

  void remove(Field field) {
    String id = state.submissionId();
    if (currentIsDraft()) {
      effect(new Effect.RemoveAnswer(id, field.id()));
    } else {
      effect(new Effect.SaveAnswer(id, new Answer(field.id(), null, null), true));
    }
    answers(id).remove(field.id());
  }

  /** Records why the file this message brought is not kept (for the page it came from). */
  void refuseFile(FileRefusal why) {
    fileRefused = why;
  }

  TurnResult result() {
    return new TurnResult(state, replies, effects, fileRefused);
  }

  /** A saved state that no longer fits the config or the data falls back to idle. */
  private ConversationState sane(ConversationState s) {
    if (s.step() == Step.IDLE) {
      return s;
    }
    boolean needsSubmission =
        switch (s.step()) {
          case ASK, REVIEW, PICK_FIELD, RESUME, CONFIRM_WITHDRAW, CONFIRM_CANCEL, CONFIRM_DECLINE ->
              true;
          default -> false;
        };
    if (!needsSubmission) {
      return s;
    }
    if (s.eventId() == null
        || config.event(s.eventId()).isEmpty()
        || s.submissionId() == null
        || submission(s.submissionId()).isEmpty()) {
      return ConversationState.idle();
    }
    Form form = config.formOf(config.event(s.eventId()).orElseThrow());
    if (s.step() == Step.ASK && form.field(s.fieldId()).isEmpty()) {
      return ConversationState.on(Step.REVIEW, s.eventId(), s.submissionId());
    }
    return s;
  }
}
