package dev.cfpbot.channel;

import dev.cfpbot.config.Section;

/**
 * Makes one kind of channel: what the {@link ChannelRegistry} finds (a line in {@code
 * META-INF/services/dev.cfpbot.channel.ChannelFactory} names each factory), so that a new platform
 * is a new package and nothing else.
 */
public interface ChannelFactory {

  /**
   * The channel's name: stored with its speakers and messages, and the key of its section in the
   * configuration file.
   */
  String name();

  /**
   * Whether the configuration turns the channel on (its credentials are set). Checks the settings:
   * a mistake is a {@link dev.cfpbot.config.ConfigException} naming the variable, or the file's
   * line and key.
   */
  boolean configured(Section settings);

  /** The channel, ready to start. Runs after {@link #configured} said yes. */
  Channel create(Section settings, ChannelContext context);

  /** Runs when no other channel is configured (the console). */
  default boolean fallback() {
    return false;
  }

  /** Chats in the terminal: routine log lines then stay out of it (warnings still show). */
  default boolean usesTerminal() {
    return false;
  }

  /**
   * Runs what a start of this channel and its first messages run, without the network and without
   * any data: the launcher's class data sharing archive is made from a run of this (README,
   * Performance), so that a restart finds the classes it needs there. A channel with nothing costly
   * to load leaves it out. May throw: a rehearsal that fails leaves a slower start, nothing else.
   */
  default void rehearse() throws Exception {}
}
