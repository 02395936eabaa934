package dev.cfpbot.conversation;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One speaker talking to the real {@link Engine}. Keeps what the turn processor would keep (the
 * speaker, the conversation state, the submissions and their answers) in memory and applies each
 * turn's effects to it as {@link Effect} describes.
 */
final class EngineHarness {
  static final Path SEED_CONFIG = Path.of("../config/cfp-bot.yaml");
  static final String SEED_EVENT = "gz-2027-10-docker";

  /** 2027-10-01 10:00 in Shanghai: the seed's call is open. */
  static final Instant OPEN = Instant.parse("2027-10-01T02:00:00Z");

  final CfpConfig config;
  final Messages messages = Messages.defaults();
  final Engine engine;

  Speaker speaker =
      new Speaker(
          "speaker-1",
          "telegram",
          "chat-1",
          "张三",
          "zh",
          true,
          Instant.parse("2027-09-01T00:00:00Z"));
  ConversationState state = ConversationState.idle();
  Instant now = OPEN;

  /** The input and the result of the last turn. */
  TurnInput lastInput;

  TurnResult last;

  private final List<Submission> submissions = new ArrayList<>();
  private final Map<String, Map<String, Answer>> answers = new HashMap<>();
  private final Map<String, Map<String, Answer>> pending = new HashMap<>();
  private int turns;

  EngineHarness(CfpConfig config) {
    this.config = config;
    this.engine = new Engine(config, messages);
  }

  /** The shipped config: the seed event and form. */
  static EngineHarness seed() {
    return new EngineHarness(ConfigLoader.load(SEED_CONFIG));
  }

  static EngineHarness of(String yaml) {
    return new EngineHarness(ConfigLoader.parse(yaml, "test"));
  }

  TurnResult send(String text) {
    return send(new Content.Text(text));
  }

  TurnResult send(Content content) {
    return send(content, null);
  }

  /** {@code content} in the platform's message {@code messageId} (which an edit names). */
  TurnResult send(Content content, String messageId) {
    lastInput = input(content, messageId);
    last = engine.handle(lastInput);
    last.effects().forEach(this::apply);
    state = last.state();
    return last;
  }

  /** What the turn processor would pass to the engine for {@code content} now. */
  TurnInput input(Content content) {
    return input(content, null);
  }

  TurnInput input(Content content, String messageId) {
    turns++;
    String newId =
        UUID.nameUUIDFromBytes(("turn-" + turns).getBytes(StandardCharsets.UTF_8)).toString();
    return new TurnInput(speaker, state, views(), content, now, newId, nextNumber(), messageId);
  }

  /** Presses the button for {@code command} of the last turn's replies, as the bot issued it. */
  TurnResult press(String command) {
    return send(new Content.Pressed(ButtonKeys.of(state), command));
  }

  /** The text of the speaker's language, as the engine should say it. */
  String t(String key, Object... args) {
    return messages.text(lang(), key, args);
  }

  Lang lang() {
    return Lang.parse(speaker.language()).orElseThrow();
  }

  List<String> texts() {
    return last.replies().stream().map(Reply::text).toList();
  }

  List<Submission> submissions() {
    return List.copyOf(submissions);
  }

  Submission submission(String id) {
    return submissions.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  /** The only submission there is. */
  Submission only() {
    if (submissions.size() != 1) {
      throw new AssertionError("expected one submission, found " + submissions);
    }
    return submissions.get(0);
  }

  /** The confirmed answers of a submission (without pending edits). */
  Map<String, Answer> answers(String id) {
    return Map.copyOf(answers.getOrDefault(id, Map.of()));
  }

  Map<String, Answer> pendingEdits(String id) {
    return Map.copyOf(pending.getOrDefault(id, Map.of()));
  }

  /** An organizer's decision, made between two turns. */
  void decide(String id, SubmissionState decision) {
    Submission s = submission(id);
    if (!s.state().canBecome(decision)) {
      throw new IllegalStateException(s.state() + " cannot become " + decision);
    }
    replace(with(s, decision, s.number(), s.code()));
  }

  List<SubmissionView> views() {
    List<SubmissionView> views = new ArrayList<>();
    for (Submission s : submissions) {
      Map<String, Answer> merged = new LinkedHashMap<>(answers.getOrDefault(s.id(), Map.of()));
      Map<String, Answer> edits = pending.getOrDefault(s.id(), Map.of());
      edits.forEach(
          (field, answer) -> {
            if (answer.text() == null && answer.file() == null) {
              merged.remove(field);
            } else {
              merged.put(field, answer);
            }
          });
      views.add(
          new SubmissionView(s, merged, !edits.isEmpty(), answers.getOrDefault(s.id(), Map.of())));
    }
    return views;
  }

  private int nextNumber() {
    String event = state.eventId();
    long numbered =
        submissions.stream()
            .filter(s -> s.eventId().equals(event))
            .filter(s -> s.number() != null)
            .count();
    return (int) numbered + 1;
  }

  private void apply(Effect effect) {
    if (effect instanceof Effect.CreateDraft e) {
      submissions.add(
          new Submission(
              e.submissionId(),
              e.eventId(),
              speaker.id(),
              null,
              null,
              SubmissionState.DRAFT,
              now,
              now,
              null,
              null,
              null));
    } else if (effect instanceof Effect.SaveAnswer e) {
      submission(e.submissionId());
      (e.pending() ? pending : answers)
          .computeIfAbsent(e.submissionId(), k -> new LinkedHashMap<>())
          .put(e.answer().fieldId(), e.answer());
    } else if (effect instanceof Effect.RemoveAnswer e) {
      answers.getOrDefault(e.submissionId(), new HashMap<>()).remove(e.fieldId());
    } else if (effect instanceof Effect.DiscardDraft e) {
      if (submission(e.submissionId()).state() != SubmissionState.DRAFT) {
        throw new IllegalStateException("only a draft can be discarded");
      }
      submissions.removeIf(s -> s.id().equals(e.submissionId()));
      answers.remove(e.submissionId());
    } else if (effect instanceof Effect.DiscardEdits e) {
      pending.remove(e.submissionId());
    } else if (effect instanceof Effect.Submit e) {
      pending.remove(e.submissionId());
      change(e.submissionId(), SubmissionState.SUBMITTED, e.number(), e.code());
    } else if (effect instanceof Effect.ConfirmEdits e) {
      Map<String, Answer> confirmed =
          answers.computeIfAbsent(e.submissionId(), k -> new LinkedHashMap<>());
      pending
          .getOrDefault(e.submissionId(), Map.of())
          .forEach(
              (field, answer) -> {
                if (answer.text() == null && answer.file() == null) {
                  confirmed.remove(field);
                } else {
                  confirmed.put(field, answer);
                }
              });
      pending.remove(e.submissionId());
    } else if (effect instanceof Effect.Withdraw e) {
      pending.remove(e.submissionId());
      Submission s = submission(e.submissionId());
      change(e.submissionId(), SubmissionState.WITHDRAWN, s.number(), s.code());
    } else if (effect instanceof Effect.SetLanguage e) {
      speaker = speaker.withLanguage(e.language());
    } else if (effect instanceof Effect.SetReminders e) {
      speaker = speaker.withReminders(e.on());
    }
  }

  /** A state change as the lifecycle makes it: refused when the state machine does not allow it. */
  private void change(String id, SubmissionState to, Integer number, String code) {
    Submission s = submission(id);
    if (!s.state().canBecome(to)) {
      throw new IllegalStateException("a submission cannot go from " + s.state() + " to " + to);
    }
    replace(with(s, to, number, code));
  }

  private Submission with(Submission s, SubmissionState to, Integer number, String code) {
    return new Submission(
        s.id(),
        s.eventId(),
        s.speakerId(),
        number,
        code,
        to,
        s.createdAt(),
        now,
        to == SubmissionState.SUBMITTED ? now : s.submittedAt(),
        s.decidedAt(),
        to == SubmissionState.WITHDRAWN ? now : s.withdrawnAt());
  }

  private void replace(Submission updated) {
    submissions.replaceAll(s -> s.id().equals(updated.id()) ? updated : s);
  }
}
