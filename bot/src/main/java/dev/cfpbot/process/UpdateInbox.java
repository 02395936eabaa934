package dev.cfpbot.process;

import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.UpdateStore;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Stores the raw updates channels hand over before they acknowledge them, a batch per transaction,
 * and tells the {@link InboundQueue} which chats have new ones. Updates stored before the queue
 * listens (while the bot starts) wait for its first sweep. A polled batch ({@link #storePolled}) is
 * offered to the queue first, which may take idle chats' turns at once ({@link IdleTurns}).
 */
public final class UpdateInbox implements UpdateStore {

  /** Hears of each stored batch, once it is committed. */
  @FunctionalInterface
  interface Listener {
    void stored(String channel, List<RawUpdate> updates);
  }

  /**
   * Takes the turns of a polled batch's idle chats in the transaction that stores the rest, and
   * returns what it stored; null when it took none and stored nothing (they are all to be stored).
   */
  @FunctionalInterface
  interface IdleTaker {
    List<RawUpdate> storeOrTake(String channel, List<RawUpdate> updates);
  }

  private final Storage storage;
  private volatile Listener listener = (channel, updates) -> {};
  private volatile IdleTaker idle = (channel, updates) -> null;
  private volatile ToIntFunction<String> sendsWaiting = channel -> 0;

  public UpdateInbox(Storage storage) {
    this.storage = storage;
  }

  void listen(Listener listener, IdleTaker idle) {
    this.listener = listener;
    this.idle = idle;
  }

  /** Where {@link #sendsWaiting} is answered from: the outbox's senders ({@link OutboxSender}). */
  public void sendsFrom(ToIntFunction<String> waiting) {
    this.sendsWaiting = waiting;
  }

  @Override
  public int sendsWaiting(String channel) {
    return sendsWaiting.applyAsInt(channel);
  }

  /**
   * Offers the batch to the queue a round at a time ({@link InboundQueue#BATCH} updates: one
   * transaction each), and stores what a round could not take. Each round is durable before the
   * next begins, so a chat's later update in a later round finds its earlier one handled or stored.
   */
  @Override
  public void storePolled(String channel, List<RawUpdate> updates) {
    for (int from = 0; from < updates.size(); from += InboundQueue.BATCH) {
      List<RawUpdate> round =
          updates.subList(from, Math.min(updates.size(), from + InboundQueue.BATCH));
      List<RawUpdate> stored = idle.storeOrTake(channel, round);
      if (stored == null) {
        store(channel, round);
      } else if (!stored.isEmpty()) {
        listener.stored(channel, stored);
      }
    }
  }

  @Override
  public void store(String channel, List<RawUpdate> updates) {
    storage
        .database()
        .useTransaction(
            "store " + channel + " updates",
            tx -> updates.forEach(u -> add(storage, tx, channel, u)));
    listener.stored(channel, updates);
  }

  /** Stores {@code u} in {@code tx}, unless it is stored already (a platform redelivery). */
  static void add(Storage storage, Tx tx, String channel, RawUpdate u) {
    storage
        .queue()
        .add(tx, channel, u.externalId(), u.chatId(), u.sortKey(), u.payload(), u.receivedAt());
  }
}
