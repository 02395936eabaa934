package dev.cfpbot.process;

import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.SignedPair;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.conversation.Effect;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.TurnResult;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.ConcurrentUpdateException;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.StorageException;
import dev.cfpbot.storage.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one inbound message in one transaction: the replay check of a signed callback, the inbox
 * check, the speaker's turn or an organizer command, every change it makes and the messages it
 * sends commit together or not at all. A transaction that lost a race (optimistic version, unique
 * key) is redone on fresh data. Stored updates reach it through {@link QueuedTurns}, which takes
 * them from the queue in the same transaction.
 */
public final class TurnProcessor {
  private static final Logger log = LoggerFactory.getLogger(TurnProcessor.class);
  private static final int ATTEMPTS = 5;

  private final Storage storage;
  private final SpeakerTurn speakerTurn;
  private final OrganizerTurn organizerTurn;
  private final Outbox outbox;
  private final Messages messages;
  private final Lang defaultLanguage;
  private final Clock clock;
  private final OutboxSender sender;

  /**
   * @param sender the outbox's sender: a turn's transaction is its (see {@link
   *     OutboxSender#inTransaction}), so that the turn's replies are claimed in it
   */
  public TurnProcessor(
      Storage storage,
      SpeakerTurn speakerTurn,
      OrganizerTurn organizerTurn,
      Outbox outbox,
      Messages messages,
      Lang defaultLanguage,
      Clock clock,
      OutboxSender sender) {
    this.storage = storage;
    this.speakerTurn = speakerTurn;
    this.organizerTurn = organizerTurn;
    this.outbox = outbox;
    this.messages = messages;
    this.defaultLanguage = defaultLanguage;
    this.clock = clock;
    this.sender = sender;
  }

  /** Handles a message the channel hands over directly. */
  public HandleResult process(Inbound in) {
    try {
      return retrying("handle " + in.channel() + " message", tx -> turn(tx, in));
    } catch (StorageException e) {
      throw e;
    } catch (RuntimeException e) {
      return failed(in, null, e);
    }
  }

  /** Runs {@code work} in a transaction, again on fresh data when it lost a race. */
  <T> T retrying(String operation, Function<Tx, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(operation, work);
      } catch (ConcurrentUpdateException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      } catch (StorageException e) {
        if (!e.isUniqueViolation() || attempt >= ATTEMPTS) {
          throw e;
        }
      }
      pause(attempt);
    }
  }

  /** Runs {@code work} in a transaction, once; the outbox sends its replies after the commit. */
  <T> T once(String operation, Function<Tx, T> work) {
    return sender.inTransaction(operation, work);
  }

  /** A short random pause before redoing a turn that lost a race, so the racers fall apart. */
  private static void pause(int attempt) {
    long millis = ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1);
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  HandleResult turn(Tx tx, Inbound in) {
    if (!admitted(tx, in)) {
      // First, so that a replayed body meets nothing of the turn: not even the inbox's answer.
      return HandleResult.REPLAYED;
    }
    var handled = storage.inbox().find(tx, in.channel(), in.externalId());
    if (handled.isPresent()) {
      log.info("{} message {} was handled before: ignored", in.channel(), in.externalId());
      return new HandleResult(handled.get().reply(), true);
    }
    Instant now = clock.instant();
    String inline;
    HandleResult.FileOutcome file = null;
    if (organizerTurn.accepts(in)) {
      inline = deliver(tx, in, organizerTurn.handle(tx, in, now), now);
    } else if (in.content() instanceof Content.Resumed
        && storage.speakers().find(tx, in.channel(), in.chatId()).isEmpty()) {
      // A channel's start is no message from anyone: nobody to resume with, no speaker to make.
      inline = null;
    } else {
      // The replies are queued before the effects, so the speaker's receipt goes out ahead of
      // the organizers' alert it causes.
      SpeakerTurn.Decision decision = speakerTurn.decide(tx, in, now);
      List<Reply> replies = new ArrayList<>(decision.replies());
      replies.addAll(Math.min(1, replies.size()), organizerTurn.besides(in));
      inline = deliver(tx, in, replies, now);
      speakerTurn.apply(tx, in, decision, now);
      file = fileOutcome(in, decision.result());
    }
    storage.inbox().record(tx, in.channel(), in.externalId(), in.chatId(), now, inline);
    return new HandleResult(inline, false, file);
  }

  /** Whether the turn kept the stored file {@code in} brought: an answer now refers to it. */
  private static HandleResult.FileOutcome fileOutcome(Inbound in, TurnResult result) {
    if (!(in.content() instanceof Content.Attachment a) || a.stored() == null) {
      return null;
    }
    for (Effect effect : result.effects()) {
      if (effect instanceof Effect.SaveAnswer save
          && save.answer().file() != null
          && java.util.Objects.equals(a.stored().path(), save.answer().file().path())) {
        return new HandleResult.FileOutcome(true, save.pending(), null);
      }
    }
    return new HandleResult.FileOutcome(false, false, result.fileRefused());
  }

  /** Queues the replies; with an inline channel, the first one is returned instead. */
  private String deliver(Tx tx, Inbound in, List<Reply> replies, Instant now) {
    List<Reply> queued = new ArrayList<>(replies);
    String inline = null;
    if (in.replyInline() && !queued.isEmpty()) {
      // The first part of the first reply goes in the response; the rest is sent after it. The
      // reply is rendered first, so that a link the channel shows in the text is part of it.
      Reply first = outbox.render(tx, in.channel(), in.chatId(), queued.remove(0), now);
      List<String> parts = outbox.parts(in.channel(), first.text());
      inline = parts.get(0);
      if (parts.size() > 1) {
        String rest = String.join("\n\n", parts.subList(1, parts.size()));
        queued.add(0, first.withText(rest));
      }
    }
    for (Reply reply : queued) {
      outbox.reply(tx, in.channel(), in.chatId(), reply, now);
    }
    return inline;
  }

  /**
   * Records the signed pair {@code in} came under, if any; false for a replay: the pair was taken
   * with another message. The record of a failed turn checks it again, as the turn's transaction
   * (the pair with it) was rolled back.
   */
  private boolean admitted(Tx tx, Inbound in) {
    SignedPair pair = in.signedPair();
    return pair == null
        || storage
            .callbackNonces()
            .admits(tx, in.channel(), pair.sentAt(), pair.nonce(), pair.bodySha256());
  }

  /**
   * A bug, not bad input: the message is recorded as handled (and leaves the queue) so that a
   * redelivery does not hit the same bug forever, and the speaker hears that their saved answers
   * are safe.
   */
  HandleResult failed(Inbound in, String queuedId, RuntimeException e) {
    log.error("{} message {} could not be handled", in.channel(), in.externalId(), e);
    Reply sorry = Reply.text(messages.text(defaultLanguage, "error.internal"));
    return sender.inTransaction(
        "record failed " + in.channel() + " message",
        tx -> {
          if (!admitted(tx, in)) {
            return HandleResult.REPLAYED;
          }
          if (queuedId != null) {
            storage.queue().remove(tx, in.channel(), queuedId);
          }
          if (storage.inbox().find(tx, in.channel(), in.externalId()).isPresent()) {
            return new HandleResult(null, true);
          }
          Instant now = clock.instant();
          String inline = deliver(tx, in, List.of(sorry), now);
          storage.inbox().record(tx, in.channel(), in.externalId(), in.chatId(), now, inline);
          return new HandleResult(inline, false);
        });
  }
}
