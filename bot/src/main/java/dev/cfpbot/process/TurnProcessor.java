package dev.cfpbot.process;

import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.conversation.Effect;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.TurnResult;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.ConcurrentUpdateException;
import dev.cfpbot.storage.InboundQueueStore;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.StorageException;
import dev.cfpbot.storage.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one inbound message in one transaction: the inbox check, the speaker's turn or an
 * organizer command, every change it makes and the messages it sends commit together or not at all.
 * A transaction that lost a race (optimistic version, unique key) is redone on fresh data.
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
  private final Runnable afterCommit;

  /**
   * @param afterCommit called after each committed turn (wakes the outbox sender)
   */
  public TurnProcessor(
      Storage storage,
      SpeakerTurn speakerTurn,
      OrganizerTurn organizerTurn,
      Outbox outbox,
      Messages messages,
      Lang defaultLanguage,
      Clock clock,
      Runnable afterCommit) {
    this.storage = storage;
    this.speakerTurn = speakerTurn;
    this.organizerTurn = organizerTurn;
    this.outbox = outbox;
    this.messages = messages;
    this.defaultLanguage = defaultLanguage;
    this.clock = clock;
    this.afterCommit = afterCommit;
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

  /**
   * Handles the oldest stored update of one chat, holding it locked for the whole turn (so that of
   * several instances only one handles it, and in order), and removes it from the queue in the same
   * transaction. Returns false when the chat has no stored update.
   */
  public boolean processQueued(String channel, String chat, UpdateTranslator translator) {
    AtomicReference<Inbound> current = new AtomicReference<>();
    AtomicReference<String> externalId = new AtomicReference<>();
    try {
      return retrying(
          "handle stored " + channel + " update",
          tx -> queuedTurn(tx, new QueuedChat(channel, chat, translator), current, externalId));
    } catch (StorageException e) {
      throw e;
    } catch (RuntimeException e) {
      if (current.get() == null) {
        throw e;
      }
      failed(current.get(), externalId.get(), e);
      return true;
    }
  }

  /**
   * Group commit: handles the oldest stored update of each chat, all in ONE transaction, and
   * returns for each chat whether it had one. A commit (and the pages it writes) costs more than a
   * turn; shared by a batch, it is paid once. Every reply is still written in the transaction of
   * its turn, so none can be sent before that turn is durable. When any turn fails or loses a race,
   * nothing is kept and this throws: the caller then handles the chats one at a time ({@link
   * #processQueued}), where races are redone and a bug costs only its own message.
   *
   * @param chats in one consistent order (by chat), so that instances locking several heads at once
   *     take their locks in the same order and cannot deadlock
   */
  public boolean[] processQueuedTogether(List<QueuedChat> chats) {
    boolean[] found = new boolean[chats.size()];
    storage
        .database()
        .useTransaction(
            "handle stored updates together",
            tx -> {
              for (int i = 0; i < chats.size(); i++) {
                found[i] =
                    queuedTurn(tx, chats.get(i), new AtomicReference<>(), new AtomicReference<>());
              }
            });
    afterCommit.run();
    return found;
  }

  /** A chat with stored updates, and how its channel's payloads are read. */
  public record QueuedChat(String channel, String chat, UpdateTranslator translator) {}

  /** The turn of a chat's oldest stored update, which leaves the queue with it; false: none. */
  private boolean queuedTurn(
      Tx tx,
      QueuedChat chat,
      AtomicReference<Inbound> current,
      AtomicReference<String> externalId) {
    Optional<InboundQueueStore.Queued> head =
        storage.queue().lockHead(tx, chat.channel(), chat.chat());
    if (head.isEmpty()) {
      return false;
    }
    InboundQueueStore.Queued q = head.get();
    externalId.set(q.externalId());
    Optional<Inbound> in =
        chat.translator()
            .translate(new RawUpdate(q.externalId(), q.chatId(), 0, q.payload(), q.receivedAt()));
    current.set(in.orElse(null));
    in.ifPresent(i -> turn(tx, i));
    storage.queue().remove(tx, chat.channel(), q.externalId());
    return true;
  }

  /** Runs {@code work} in a transaction, again on fresh data when it lost a race. */
  private <T> T retrying(String operation, Function<Tx, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        T result = storage.database().inTransaction(operation, work);
        afterCommit.run();
        return result;
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

  /** A short random pause before redoing a turn that lost a race, so the racers fall apart. */
  private static void pause(int attempt) {
    long millis = ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1);
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private HandleResult turn(Tx tx, Inbound in) {
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
   * A bug, not bad input: the message is recorded as handled (and leaves the queue) so that a
   * redelivery does not hit the same bug forever, and the speaker hears that their saved answers
   * are safe.
   */
  private HandleResult failed(Inbound in, String queuedId, RuntimeException e) {
    log.error("{} message {} could not be handled", in.channel(), in.externalId(), e);
    Reply sorry = Reply.text(messages.text(defaultLanguage, "error.internal"));
    HandleResult result =
        storage
            .database()
            .inTransaction(
                "record failed " + in.channel() + " message",
                tx -> {
                  if (queuedId != null) {
                    storage.queue().remove(tx, in.channel(), queuedId);
                  }
                  if (storage.inbox().find(tx, in.channel(), in.externalId()).isPresent()) {
                    return new HandleResult(null, true);
                  }
                  Instant now = clock.instant();
                  String inline = deliver(tx, in, List.of(sorry), now);
                  storage
                      .inbox()
                      .record(tx, in.channel(), in.externalId(), in.chatId(), now, inline);
                  return new HandleResult(inline, false);
                });
    afterCommit.run();
    return result;
  }
}
