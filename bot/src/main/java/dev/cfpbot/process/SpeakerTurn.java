package dev.cfpbot.process;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.conversation.ButtonKeys;
import dev.cfpbot.conversation.ConversationState;
import dev.cfpbot.conversation.Effect;
import dev.cfpbot.conversation.Engine;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.Step;
import dev.cfpbot.conversation.SubmissionView;
import dev.cfpbot.conversation.TurnInput;
import dev.cfpbot.conversation.TurnResult;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.form.TextCleaner;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.privacy.DataRights;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.Conversation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A speaker's message: load the conversation, run the engine, apply what it decided. */
public final class SpeakerTurn {
  private static final Logger log = LoggerFactory.getLogger(SpeakerTurn.class);

  private final Storage storage;
  private final Engine engine;
  private final SubmissionLifecycle lifecycle;
  private final DataRights dataRights;
  private final Lang defaultLanguage;

  public SpeakerTurn(
      Storage storage,
      Engine engine,
      SubmissionLifecycle lifecycle,
      DataRights dataRights,
      Lang defaultLanguage) {
    this.storage = storage;
    this.engine = engine;
    this.lifecycle = lifecycle;
    this.dataRights = dataRights;
    this.defaultLanguage = defaultLanguage;
  }

  /** The engine's decision for one message, not yet applied. */
  public record Decision(
      Speaker speaker,
      Optional<Conversation> saved,
      ConversationState before,
      TurnResult result,
      DataRights.Prepared rights) {
    /** The replies, their buttons tied to the question the turn ends on (see ButtonKeys). */
    public List<Reply> replies() {
      String key = ButtonKeys.of(result.state());
      return result.replies().stream().map(r -> r.withButtonKey(key)).toList();
    }
  }

  /** Loads the conversation and runs the engine on {@code in}; changes nothing yet. */
  public Decision decide(Tx tx, Inbound in, Instant now) {
    Speaker speaker = speaker(tx, in, now);
    Optional<Conversation> saved = storage.conversations().find(tx, speaker.id());
    ConversationState state = saved.map(SpeakerTurn::state).orElse(ConversationState.idle());
    List<SubmissionView> views = views(tx, speaker);
    int nextNumber =
        state.step() == Step.REVIEW && state.eventId() != null
            ? storage.submissions().nextNumber(tx, state.eventId())
            : 0;
    // The platform's timestamp decides the deadline: a message sent at 23:59 counts even if a
    // restart delays its handling past midnight.
    TurnInput input =
        new TurnInput(
            speaker,
            state,
            views,
            in.content(),
            in.receivedAt(),
            UUID.randomUUID().toString(),
            nextNumber,
            in.messageId());
    DataRights.Prepared rights = dataRights.prepare(tx, speaker, engine.handle(input), now);
    return new Decision(speaker, saved, state, rights.result(), rights);
  }

  /** Applies the engine's effects and saves the new state (under the optimistic version check). */
  public void apply(Tx tx, Inbound in, Decision decision, Instant now) {
    Speaker speaker = decision.speaker();
    for (Effect effect : decision.result().effects()) {
      if (effect instanceof Effect.ShowData) {
        dataRights.writeCopy(decision.rights());
      } else if (effect instanceof Effect.Forget) {
        // Nothing of the speaker is left to save: not even the conversation.
        dataRights.forget(tx, speaker, decision.rights(), now);
        return;
      } else {
        speaker = apply(tx, speaker, effect, now);
      }
    }
    ConversationState next = decision.result().state();
    storage
        .conversations()
        .save(
            tx,
            new Conversation(
                speaker.id(),
                next.step().name(),
                next.eventId(),
                next.fieldId(),
                next.submissionId(),
                next.failures(),
                next.returnToReview(),
                0,
                now),
            decision.saved().map(Conversation::version).orElse(-1L));
    log.info(
        "{} speaker {}: {} -> {}",
        in.channel(),
        speaker.id(),
        decision.before().step(),
        next.step());
  }

  private Speaker speaker(Tx tx, Inbound in, Instant now) {
    Optional<Speaker> found = storage.speakers().find(tx, in.channel(), in.chatId());
    if (found.isPresent()) {
      return found.get();
    }
    Lang lang = Lang.fromPlatformHint(in.sender().languageCode(), defaultLanguage);
    Speaker created =
        new Speaker(
            UUID.randomUUID().toString(),
            in.channel(),
            in.chatId(),
            displayName(in),
            lang.code(),
            true,
            now);
    storage.speakers().insert(tx, created);
    return created;
  }

  /**
   * The name the platform gives, as organizers will read it in alerts: cleaned like an answer, so
   * that direction controls in a profile name cannot reorder the alert's text.
   */
  private static String displayName(Inbound in) {
    String name = in.sender().displayName();
    return name == null ? null : TextCleaner.clean(name, false);
  }

  private List<SubmissionView> views(Tx tx, Speaker speaker) {
    List<Submission> submissions = storage.submissions().listBySpeaker(tx, speaker.id());
    List<String> ids = submissions.stream().map(Submission::id).toList();
    Map<String, Map<String, dev.cfpbot.domain.Answer>> answers =
        storage.answers().answersOf(tx, ids, true);
    // Only a confirmed proposal can have edits waiting: a speaker with drafts alone has none.
    List<String> confirmed =
        submissions.stream()
            .filter(s -> s.state() != dev.cfpbot.domain.SubmissionState.DRAFT)
            .map(Submission::id)
            .toList();
    Set<String> editing =
        confirmed.isEmpty() ? Set.of() : storage.answers().withPending(tx, confirmed);
    // What the organizers have, for the proposals whose edits wait (shown by /status).
    Map<String, Map<String, dev.cfpbot.domain.Answer>> submitted =
        editing.isEmpty() ? answers : storage.answers().answersOf(tx, editing, false);
    return submissions.stream()
        .map(
            s ->
                new SubmissionView(
                    s,
                    answers.getOrDefault(s.id(), Map.of()),
                    editing.contains(s.id()),
                    (editing.contains(s.id()) ? submitted : answers)
                        .getOrDefault(s.id(), Map.of())))
        .toList();
  }

  private Speaker apply(Tx tx, Speaker speaker, Effect effect, Instant now) {
    if (effect instanceof Effect.CreateDraft e) {
      storage.submissions().insertDraft(tx, e.submissionId(), e.eventId(), speaker.id(), now);
    } else if (effect instanceof Effect.SaveAnswer e) {
      storage.answers().put(tx, e.submissionId(), e.answer(), e.pending(), now);
    } else if (effect instanceof Effect.RemoveAnswer e) {
      storage.answers().remove(tx, e.submissionId(), e.fieldId(), false);
    } else if (effect instanceof Effect.DiscardDraft e) {
      storage.submissions().deleteDraft(tx, e.submissionId());
    } else if (effect instanceof Effect.DiscardEdits e) {
      storage.answers().discardPending(tx, e.submissionId());
    } else if (effect instanceof Effect.Submit e) {
      lifecycle.submit(tx, e.submissionId(), e.number(), e.code(), now);
    } else if (effect instanceof Effect.ConfirmEdits e) {
      lifecycle.confirmEdits(tx, e.submissionId(), now);
    } else if (effect instanceof Effect.Withdraw e) {
      lifecycle.withdraw(tx, e.submissionId(), "speaker", now);
    } else if (effect instanceof Effect.Attend e) {
      lifecycle.confirm(tx, e.submissionId(), now);
    } else if (effect instanceof Effect.Decline e) {
      lifecycle.decline(tx, e.submissionId(), e.reason(), now);
    } else if (effect instanceof Effect.SetLanguage e) {
      speaker = speaker.withLanguage(e.language());
      storage.speakers().update(tx, speaker);
    } else if (effect instanceof Effect.SetReminders e) {
      speaker = speaker.withReminders(e.on());
      storage.speakers().update(tx, speaker);
    }
    return speaker;
  }

  private static ConversationState state(Conversation c) {
    Step step;
    try {
      step = Step.valueOf(c.step());
    } catch (IllegalArgumentException e) {
      // A step this version no longer has: start afresh rather than fail every turn.
      return ConversationState.idle();
    }
    return new ConversationState(
        step, c.eventId(), c.fieldId(), c.submissionId(), c.failures(), c.returnToReview());
  }
}
