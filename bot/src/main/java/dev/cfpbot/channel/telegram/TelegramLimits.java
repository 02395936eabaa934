package dev.cfpbot.channel.telegram;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Telegram's sending limits, kept before each call rather than learnt from 429s: about 30 messages
 * a second overall; in one chat a short burst, then one a second; 20 a minute in a group or
 * channel. A sender waits here for its turn; the outbox never sends two messages to one chat at
 * once, so a wait delays only that chat's next message. Each rate is kept below Telegram's, so that
 * a request that travels faster than the one before it is not one too many: by a quarter per chat
 * (where the network's jitter is a large share of the one-second spacing), by a few percent overall
 * (where the whole call's throughput is at stake).
 */
final class TelegramLimits {
  private final Bucket global =
      Bucket.builder()
          .addLimit(l -> l.capacity(28).refillGreedy(28, Duration.ofSeconds(1)))
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
    Bucket perChat = chats.computeIfAbsent(chat, TelegramLimits::bucketFor);
    // Both turns are taken together, right before the call: what Telegram counts is the spacing of
    // arrivals, and a turn taken while waiting for the other would be spent early — messages that
    // took their global turns over a second, then waited for their chats, could leave at once.
    while (true) {
      long wait;
      synchronized (this) {
        long chatWait = perChat.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        long globalWait = global.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        if (chatWait == 0 && globalWait == 0) {
          perChat.tryConsume(1);
          global.tryConsume(1);
          return;
        }
        wait = Math.max(chatWait, globalWait);
      }
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private static Bucket bucketFor(String chat) {
    boolean group = chat.startsWith("-") || chat.startsWith("@");
    return group
        ? Bucket.builder()
            .addLimit(l -> l.capacity(19).refillGreedy(19, Duration.ofMinutes(1)))
            .build()
        : Bucket.builder()
            .addLimit(l -> l.capacity(3).refillGreedy(1, Duration.ofMillis(1250)))
            .build();
  }
}
