package dev.cfpbot.process;

import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.storage.Storage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The turns of polled updates whose chat has nothing stored and nothing under way, taken in the
 * transaction that would have stored them. Storing an update, reading it back under a lock and
 * removing it costs three statements and a commit of their own; when a chat is idle they buy
 * nothing, because no older update of that chat can be waiting. So such a turn runs at once, and
 * the update is recorded as handled (the inbox) with its reply in the same transaction — durable
 * before it is acknowledged to the platform, as a stored update is.
 *
 * <p>Only a sole poller may take this path ({@link dev.cfpbot.channel.UpdateStore#storePolled}):
 * with nobody else storing the channel's updates, a chat with no update stored stays so until this
 * transaction ends. Everything else is stored for the {@link InboundQueue} as before: an update
 * whose chat has one stored (waiting, or taken by a turn not yet committed) or under way in this
 * process, every later update of such a chat in the batch, and one that waits on the network (a
 * document to fetch). When any turn fails, nothing of the transaction is kept and the whole batch
 * is stored, for the queue to take one chat at a time as it does any failure.
 */
final class IdleTurns {
  private static final Logger log = LoggerFactory.getLogger(IdleTurns.class);

  private final TurnProcessor processor;
  private final Storage storage;

  IdleTurns(TurnProcessor processor, Storage storage) {
    this.processor = processor;
    this.storage = storage;
  }

  /**
   * Takes the turns of the idle chats' updates and stores the others, in one transaction; returns
   * the stored ones, or null if the transaction failed (nothing taken, nothing stored).
   *
   * @param busy whether a chat's updates are being handled in this process
   */
  List<RawUpdate> storeOrTake(
      String channel,
      UpdateTranslator translator,
      List<RawUpdate> updates,
      Predicate<String> busy) {
    try {
      return processor.once(
          "handle polled " + channel + " updates",
          tx -> {
            List<RawUpdate> stored = new ArrayList<>();
            Set<String> storedChats = new HashSet<>();
            for (RawUpdate u : updates) {
              if (storedChats.contains(u.chatId())
                  || busy.test(u.chatId())
                  || translator.fetches(u)
                  || storage.queue().holds(tx, channel, u.chatId())) {
                UpdateInbox.add(storage, tx, channel, u);
                stored.add(u);
                storedChats.add(u.chatId());
              } else {
                translator.translate(u).ifPresent(in -> processor.turn(tx, in));
              }
            }
            return stored;
          });
    } catch (RuntimeException e) {
      log.debug("{}: polled updates not taken at once, storing them for the queue", channel, e);
      return null;
    }
  }
}
