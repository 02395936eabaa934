package dev.cfpbot.channel;

import java.util.Optional;

/**
 * A channel whose updates are stored raw before they are handled turns them into messages when
 * their turn comes (after a restart too). It may take its time: fetching a document is part of it.
 */
public interface UpdateTranslator {

  /** The message in {@code update}; empty for updates the bot ignores. */
  Optional<Inbound> translate(RawUpdate update);
}
