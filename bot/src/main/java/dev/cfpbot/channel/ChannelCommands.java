package dev.cfpbot.channel;

import java.util.Map;

/** Organizer commands a channel adds to everyone's (e.g. installing a WeChat menu). */
@FunctionalInterface
public interface ChannelCommands {

  /**
   * Commands by name, without the slash. They run in the turn's transaction; {@code outbox} queues
   * messages in it.
   */
  Map<String, OrganizerCommand> organizerCommands(OutboxWriter outbox);
}
