package dev.cfpbot.channel;

import java.time.Duration;

/** The outcome of one send. */
public sealed interface SendResult {

  /** Delivered; {@code platformId} is the platform's message id (may be null). */
  record Sent(String platformId) implements SendResult {}

  /**
   * Not delivered this time (rate limit, server error, timeout): try again.
   *
   * @param after how long the platform asked us to wait; null: use the usual backoff
   */
  record Retry(Duration after, String reason) implements SendResult {}

  /** Refused for good (the user blocked the bot, the chat does not exist). */
  record Failed(String reason) implements SendResult {}
}
