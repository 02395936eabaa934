package dev.cfpbot.channel;

/** A channel that can say how it is doing, for {@code /health}. */
public interface ChannelStatus {

  /** A short state: "polling", "webhook", or what is wrong. */
  String status();

  /** Whether the channel works as it should right now. */
  boolean healthy();
}
