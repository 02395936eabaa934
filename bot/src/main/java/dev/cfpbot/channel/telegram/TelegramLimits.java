package dev.cfpbot.channel.telegram;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Telegram's sending limits, kept before each call rather than learnt from 429s: about 30 messages
 * a second overall; in one chat a short burst, then one a second; 20 a minute in a group or
 * channel. A sender waits here for its turn; the outbox never sends two messages to one chat at
 * once, so a wait delays only that chat's next message.
 */
final class TelegramLimits {
  private final Bucket global =
      Bucket.builder()
          .addLimit(l -> l.capacity(30).refillGreedy(30, Duration.ofSeconds(1)))
          .build();
  private final Map<String, Bucket> chats = new ConcurrentHashMap<>();
  private final boolean enabled;

  TelegramLimits(boolean enabled) {
    this.enabled = enabled;
  }

  /** Blocks until a message to {@code chat} may go out. */
  void await(String chat) throws InterruptedException {
    if (!enabled) {
      return;
    }
    chats.computeIfAbsent(chat, TelegramLimits::bucketFor).asBlocking().consume(1);
    global.asBlocking().consume(1);
  }

  private static Bucket bucketFor(String chat) {
    boolean group = chat.startsWith("-") || chat.startsWith("@");
    return group
        ? Bucket.builder()
            .addLimit(l -> l.capacity(20).refillGreedy(20, Duration.ofMinutes(1)))
            .build()
        : Bucket.builder()
            .addLimit(l -> l.capacity(3).refillGreedy(1, Duration.ofSeconds(1)))
            .build();
  }
}
