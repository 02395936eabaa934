package dev.cfpbot.process;

import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.UpdateStore;
import dev.cfpbot.storage.Storage;
import java.util.List;

/**
 * Stores the raw updates channels hand over before they acknowledge them, a batch per transaction,
 * and tells the {@link InboundQueue} which chats have new ones. Updates stored before the queue
 * listens (while the bot starts) wait for its first sweep.
 */
public final class UpdateInbox implements UpdateStore {

  /** Hears of each stored batch, once it is committed. */
  @FunctionalInterface
  interface Listener {
    void stored(String channel, List<RawUpdate> updates);
  }

  private final Storage storage;
  private volatile Listener listener = (channel, updates) -> {};

  public UpdateInbox(Storage storage) {
    this.storage = storage;
  }

  void listen(Listener listener) {
    this.listener = listener;
  }

  @Override
  public void store(String channel, List<RawUpdate> updates) {
    storage
        .database()
        .useTransaction(
            "store " + channel + " updates",
            tx -> {
              for (RawUpdate u : updates) {
                storage
                    .queue()
                    .add(
                        tx,
                        channel,
                        u.externalId(),
                        u.chatId(),
                        u.sortKey(),
                        u.payload(),
                        u.receivedAt());
              }
            });
    listener.stored(channel, updates);
  }
}
