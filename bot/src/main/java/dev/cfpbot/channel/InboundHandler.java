package dev.cfpbot.channel;

import java.util.List;

/** Takes every message a channel receives. */
@FunctionalInterface
public interface InboundHandler {

  /**
   * Handles {@code message} durably before returning: once this returns, the platform may forget
   * the message. Returns the reply to give inline when the message asked for one.
   */
  HandleResult handle(Inbound message);

  /**
   * Stores {@code updates} durably and returns; they are handled afterwards, each chat's in order,
   * by the channel's {@link UpdateTranslator}. For platforms that must be acknowledged before the
   * bot is done (Telegram's getUpdates, webhooks that want a quick 200).
   */
  default void accept(String channel, List<RawUpdate> updates) {
    throw new UnsupportedOperationException("this handler takes messages one at a time");
  }
}
