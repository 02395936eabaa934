package dev.cfpbot.process;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.SendResult;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery: the send through the message's channel, and what is recorded of it. Sent; or to be
 * tried again after a growing delay (or the platform's retry-after); or, refused for good or after
 * {@link #MAX_ATTEMPTS} tries, failed and reported to the organizers.
 */
final class Deliveries {
  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
  static final int MAX_ATTEMPTS = 8;

  private final Storage storage;
  private final Map<String, Channel> channels;
  private final DeliveryFailures failures;

  Deliveries(Storage storage, Map<String, Channel> channels, DeliveryFailures failures) {
    this.storage = storage;
    this.channels = Map.copyOf(channels);
    this.failures = failures;
  }

  /** Sends {@code message} now; a channel that throws has failed this time, not for good. */
  SendResult send(OutboxMessage message) {
    Channel channel = channels.get(message.channel());
    try {
      return channel.send(OutboundCodec.decode(message));
    } catch (RuntimeException e) {
      log.warn("outbox: {} send {} threw", message.channel(), message.id(), e);
      return new SendResult.Retry(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Records how the send of {@code message} went. */
  void record(Tx tx, OutboxMessage message, SendResult result, Instant now) {
    if (result instanceof SendResult.Sent sent) {
      storage.outbox().markSent(tx, message.seq(), sent.platformId(), now);
    } else if (result instanceof SendResult.Retry retry && message.attempts() < MAX_ATTEMPTS) {
      Duration wait = retry.after() != null ? retry.after() : backoff(message.attempts());
      log.info(
          "outbox: {} {} to retry in {} ms: {}",
          message.channel(),
          message.kind(),
          wait.toMillis(),
          retry.reason());
      storage.outbox().retryLater(tx, message.seq(), now.plus(wait), retry.reason());
    } else {
      String reason =
          result instanceof SendResult.Failed f ? f.reason() : ((SendResult.Retry) result).reason();
      log.warn(
          "outbox: {} {} {} failed for good: {}",
          message.channel(),
          message.kind(),
          message.id(),
          reason);
      storage.outbox().markFailed(tx, message.seq(), reason, now);
      failures.report(tx, message, reason, now);
    }
  }

  /** 1 s, 2 s, 4 s ... capped at 5 minutes. */
  static Duration backoff(int attempts) {
    long seconds = 1L << Math.min(Math.max(0, attempts - 1), 9);
    return Duration.ofSeconds(Math.min(seconds, 300));
  }
}
