package dev.cfpbot.channel;

import java.util.Optional;

/**
 * A channel whose updates are stored raw before they are handled turns them into messages when
 * their turn comes (after a restart too). It may take its time: fetching a document is part of it.
 */
public interface UpdateTranslator {

  /** The message in {@code update}; empty for updates the bot ignores. */
  Optional<Inbound> translate(RawUpdate update);

  /**
   * Whether translating {@code update} may wait on the network (a document to fetch). The turns of
   * such updates are taken apart from the others, so that a slow download holds up only its own
   * chat. A false "yes" costs only speed; a false "no" holds up other chats while it waits.
   */
  default boolean fetches(RawUpdate update) {
    return false;
  }
}
