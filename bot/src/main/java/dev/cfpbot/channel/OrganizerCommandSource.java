package dev.cfpbot.channel;

import java.util.Map;

/** A channel with organizer commands of its own (e.g. installing a WeChat menu). */
public interface OrganizerCommandSource {

  /** Commands by name, without the slash. */
  Map<String, OrganizerCommand> organizerCommands();
}
