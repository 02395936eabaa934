package dev.cfpbot.channel.wechat;

import dev.cfpbot.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Freshness and replay for WeChat's signed callbacks. Its signature covers a timestamp and a nonce
 * but (in plain mode) not the body, so a URL seen once could otherwise be sent again with any body.
 * A callback is taken when its timestamp is within {@link #WINDOW} of this server's clock and its
 * (timestamp, nonce) pair is new, in the database that every instance shares.
 *
 * <p>WeChat retries an unanswered callback with the same timestamp and nonce (nginx logs of its
 * retries show them unchanged), so a pair seen before is taken again when the message is the same
 * one, byte for byte: the inbox then recognises it and repeats the first reply. With another
 * message it is a replay, and refused.
 */
final class CallbackGuard {
  /** How far a callback's timestamp may be from this server's clock, either way. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** The longest nonce taken; WeChat's are about ten digits. */
  static final int MAX_NONCE = 64;

  /** Pairs are kept for twice the window, so that instances whose clocks differ still agree. */
  private static final long KEEP_SECONDS = 2 * WINDOW.toSeconds();

  private static final long PRUNE_EVERY_SECONDS = 60;

  /** What a pair of timestamp and nonce is, against those seen before. */
  enum Seen {
    NEW,
    /** The same pair with the same message: WeChat retrying. */
    RETRY,
    /** The same pair with another message. */
    REPLAY
  }

  private final Storage storage;
  private final Clock clock;
  private final AtomicLong nextPrune = new AtomicLong(Long.MIN_VALUE);

  CallbackGuard(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** Why a signed timestamp and nonce cannot be taken now; empty when they can. */
  Optional<String> problem(String timestamp, String nonce) {
    if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
      return Optional.of("the timestamp is not a number of seconds");
    }
    long skew = Math.abs(Long.parseLong(timestamp) - clock.instant().getEpochSecond());
    if (skew > WINDOW.toSeconds()) {
      return Optional.of(
          "the timestamp is "
              + skew
              + " s from this server's clock (at most "
              + WINDOW.toSeconds()
              + " s are taken; is the clock right?)");
    }
    if (nonce == null || nonce.isEmpty() || nonce.length() > MAX_NONCE) {
      return Optional.of("the nonce is missing or longer than " + MAX_NONCE + " characters");
    }
    return Optional.empty();
  }

  /**
   * Records the pair with {@code message} (what the callback carries once authenticated: the
   * decrypted message in safe mode) unless it was seen before, and says which it was. Call it only
   * with a timestamp {@link #problem} took.
   */
  Seen remember(String timestamp, String nonce, String message) {
    long sentAt = Long.parseLong(timestamp);
    String digest = sha256(message);
    long now = clock.instant().getEpochSecond();
    Optional<String> first =
        storage
            .database()
            .inTransaction(
                "check a wechat callback's nonce",
                tx -> {
                  long due = nextPrune.get();
                  if (now >= due && nextPrune.compareAndSet(due, now + PRUNE_EVERY_SECONDS)) {
                    storage.callbackNonces().prune(tx, now - KEEP_SECONDS);
                  }
                  return storage
                      .callbackNonces()
                      .remember(tx, WechatChannel.NAME, sentAt, nonce, digest);
                });
    if (first.isEmpty()) {
      return Seen.NEW;
    }
    return MessageDigest.isEqual(
            first.get().getBytes(StandardCharsets.US_ASCII),
            digest.getBytes(StandardCharsets.US_ASCII))
        ? Seen.RETRY
        : Seen.REPLAY;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JDK", e);
    }
  }
}
