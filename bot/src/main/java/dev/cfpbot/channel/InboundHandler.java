package dev.cfpbot.channel;

/** Takes every message a channel receives: the one way in. */
@FunctionalInterface
public interface InboundHandler {

  /**
   * Handles {@code message} durably before returning: once this returns, the platform may forget
   * the message. Returns the reply to give inline when the message asked for one.
   */
  HandleResult handle(Inbound message);
}
