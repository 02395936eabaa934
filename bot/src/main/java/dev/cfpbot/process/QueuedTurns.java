package dev.cfpbot.process;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.storage.InboundQueueStore;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.StorageException;
import dev.cfpbot.storage.Tx;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The turns of stored updates: a chat's oldest update is taken under a row lock, handled by the
 * {@link TurnProcessor} in the same transaction, and leaves the queue with it — so that of several
 * instances only one handles it, and in the platform's order. Several chats' turns share one
 * transaction (group commit); when that fails, they are taken one at a time.
 */
final class QueuedTurns {
  private static final Logger log = LoggerFactory.getLogger(QueuedTurns.class);

  private final TurnProcessor processor;
  private final Storage storage;

  QueuedTurns(TurnProcessor processor, Storage storage) {
    this.processor = processor;
    this.storage = storage;
  }

  /** A chat with stored updates, and how its channel's payloads are read. */
  record QueuedChat(String channel, String chat, UpdateTranslator translator) {}

  /** A stored update as its channel handed it over. */
  static RawUpdate raw(InboundQueueStore.Queued q) {
    return new RawUpdate(q.externalId(), q.chatId(), 0, q.payload(), q.receivedAt());
  }

  /**
   * The turn of each chat's oldest stored update: true if it had one, false if not, null if it
   * could not be handled now (the database is away; the update stays stored for the sweep).
   *
   * <p>Group commit: several chats' turns run in ONE transaction. A commit (and the pages it
   * writes) costs more than a turn; shared by a batch, it is paid once. Every reply is still
   * written in the transaction of its turn, so none can be sent before that turn is durable. When
   * any turn fails or loses a race, nothing of the batch is kept and its chats are taken one at a
   * time, where races are redone on fresh data and a bug costs only its own message.
   *
   * @param chats in one consistent order (by chat), so that instances locking several heads at once
   *     take their locks in the same order and cannot deadlock
   */
  Boolean[] turns(List<QueuedChat> chats) {
    Boolean[] found = new Boolean[chats.size()];
    if (chats.size() > 1) {
      try {
        return processor.once(
            "handle stored updates together",
            tx -> {
              for (int i = 0; i < chats.size(); i++) {
                found[i] = take(tx, chats.get(i), new Head());
              }
              return found;
            });
      } catch (RuntimeException e) {
        log.debug("inbound queue: a batch of turns failed, handling them one by one", e);
      }
    }
    for (int i = 0; i < chats.size(); i++) {
      found[i] = turn(chats.get(i));
    }
    return found;
  }

  /** The turn of one chat's oldest stored update, alone: as {@link #turns}. */
  Boolean turn(QueuedChat chat) {
    Head head = new Head();
    try {
      return processor.retrying(
          "handle stored " + chat.channel() + " update", tx -> take(tx, chat, head));
    } catch (RuntimeException e) {
      if (e instanceof StorageException || head.externalId == null) {
        log.warn(
            "{} chat updates not handled yet, will try again: {}", chat.channel(), e.getMessage());
        return null;
      }
      if (head.message != null) {
        processor.failed(head.message, head.externalId, e);
      } else {
        unreadable(chat, head.externalId, e);
      }
      return true;
    }
  }

  /** What a turn took from the queue, for when it fails. */
  private static final class Head {
    String externalId;
    Inbound message;
  }

  /** The turn of a chat's oldest stored update, which leaves the queue with it; false: none. */
  private boolean take(Tx tx, QueuedChat chat, Head taken) {
    Optional<InboundQueueStore.Queued> head =
        storage.queue().lockHead(tx, chat.channel(), chat.chat());
    taken.externalId = head.map(InboundQueueStore.Queued::externalId).orElse(null);
    taken.message = null;
    if (head.isEmpty()) {
      return false;
    }
    Optional<Inbound> in = chat.translator().translate(raw(head.get()));
    taken.message = in.orElse(null);
    in.ifPresent(i -> processor.turn(tx, i));
    storage.queue().remove(tx, chat.channel(), taken.externalId);
    return true;
  }

  /**
   * A bug in reading an update, not bad input (that is read as "unsupported"): it leaves the queue,
   * so that it does not stop its chat for ever. Nobody is answered: who sent it is not known.
   */
  private void unreadable(QueuedChat chat, String externalId, RuntimeException e) {
    log.error("{} update {} could not be read: dropped", chat.channel(), externalId, e);
    storage
        .database()
        .useTransaction(
            "drop unreadable " + chat.channel() + " update",
            tx -> storage.queue().remove(tx, chat.channel(), externalId));
  }
}
