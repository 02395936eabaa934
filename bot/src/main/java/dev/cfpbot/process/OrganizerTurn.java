package dev.cfpbot.process;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.List;

/**
 * Messages that are not a speaker's turn: organizer commands, and anything said in a group or
 * channel (where the form does not run).
 */
public interface OrganizerTurn {

  /** Whether this message is for the organizer side rather than the speaker's form. */
  boolean accepts(Inbound in);

  /** Handles it inside the turn's transaction; the replies go back to the chat it came from. */
  List<Reply> handle(Tx tx, Inbound in, Instant now);

  /**
   * What an organizer gets besides the speaker's turn for a message that is one (their /help also
   * lists the organizer commands); placed after the turn's first reply.
   */
  default List<Reply> besides(Inbound in) {
    return List.of();
  }
}
