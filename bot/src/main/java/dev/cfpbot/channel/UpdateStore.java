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
}
