package dev.cfpbot.channel;

import java.util.List;

/**
 * Where a channel stores platform updates before it acknowledges them (Telegram's getUpdates, a
 * webhook that wants a quick 200). Stored updates are handled afterwards, each chat's in order, by
 * the channel's {@link UpdateTranslator}: such a channel declares one in its {@link Abilities}.
 */
@FunctionalInterface
public interface UpdateStore {

  /** Stores {@code updates} of {@code channel} in one transaction, durably, and returns. */
  void store(String channel, List<RawUpdate> updates);

  /**
   * As {@link #store}, for the one caller that stores {@code channel}'s updates, a batch at a time
   * (a long poll, held by one instance under its lease). Since nobody stores the channel's updates
   * meanwhile, the turn of an update whose chat has nothing stored and nothing under way may be
   * taken in the storing transaction itself, instead of the update being stored, read back and
   * removed. By the time this returns, every update is handled or stored, durably.
   */
  default void storePolled(String channel, List<RawUpdate> updates) {
    store(channel, updates);
  }

  /**
   * How many of {@code channel}'s messages the bot has taken up to send and not yet begun sending.
   * A reply to an update stored now goes out after them: a poller whose sends are paced may ask for
   * its next batch that much later, and the updates that come meanwhile arrive as one batch (one
   * request, one commit) with no reply leaving later. 0 when the store cannot tell.
   */
  default int sendsWaiting(String channel) {
    return 0;
  }
}
