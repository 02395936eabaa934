package dev.cfpbot.channel;

import dev.cfpbot.conversation.Reply;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.List;

/** One organizer command, run inside the turn's transaction once the sender is authorised. */
@FunctionalInterface
public interface OrganizerCommand {
  List<Reply> run(Tx tx, Inbound in, String arg, Instant now);
}
