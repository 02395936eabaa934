package dev.cfpbot.channel;

import dev.cfpbot.conversation.Reply;
import dev.cfpbot.storage.Tx;
import java.time.Instant;

/**
 * Queues a message inside the caller's transaction: it is sent after the commit, by the channel's
 * {@link Channel#send}, and not at all if the transaction rolls back. What a channel's organizer
 * command uses to ask for a platform call that must not hold up the reply (WeChat's menu).
 */
@FunctionalInterface
public interface OutboxWriter {

  /**
   * Queues {@code message} to {@code recipient} on {@code channel}, as a message of {@code kind}.
   */
  void send(Tx tx, String channel, String recipient, String kind, Reply message, Instant dueAt);
}
