package dev.cfpbot.channel.wechat;

import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.CallbackNonceStore;
import dev.cfpbot.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>A callback that starts a turn (a message, a follow or menu event) has its pair recorded by the
 * turn itself, in the turn's transaction (a {@link dev.cfpbot.channel.SignedPair}: one commit per
 * message instead of two, a fifth of a callback's CPU); this guard records the pairs of everything
 * else (WeChat's verification, the openid question, events the bot ignores) and prunes the old ones
 * of both.
 */
final class CallbackGuard {
  /** How far a callback's timestamp may be from this server's clock, either way. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** The longest nonce taken; WeChat's are about ten digits. */
  static final int MAX_NONCE = 64;

  /** Pairs are kept for twice the window, so that instances whose clocks differ still agree. */
  private static final long KEEP_SECONDS = 2 * WINDOW.toSeconds();

  private static final long PRUNE_EVERY_SECONDS = 60;

  /** Pairs recorded in one transaction at most. */
  private static final int BATCH = 64;

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
  private final Queue<Pair> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /** One thread records the pairs, made when a callback comes and gone a minute after the last. */
  private final ThreadPoolExecutor writer =
      new ThreadPoolExecutor(
          0,
          1,
          1,
          TimeUnit.MINUTES,
          new LinkedBlockingQueue<>(),
          Threads.named("cfpbot-wechat-nonces"));

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
   *
   * <p>Group commit: the pairs of callbacks arriving together are recorded in ONE transaction (a
   * commit cost more than the rest of the check), by this guard's one writer thread: it records
   * every pair waiting, and again whatever arrived meanwhile, until none waits. Each caller gets
   * its answer only after the commit that recorded (or found) its pair, so the unique key still
   * decides, across instances, which request was first; the pairs go in one order (by timestamp and
   * nonce) so that two instances' batches cannot deadlock.
   *
   * <p>One thread, not whichever request thread came first: a thread that writes H2's file keeps,
   * for as long as it lives, the JDK's temporary direct buffer of the largest write it made (a
   * chunk, ~100 KB). With each of Jetty's 32 request threads taking its turn at the batch, that was
   * 3 MB off the heap under a burst of callbacks (NMT "Other" at the peak: 4.3 MB, 1.1 MB now).
   */
  Seen remember(String timestamp, String nonce, String message) {
    String digest = sha256(message);
    Pair pair = new Pair(Long.parseLong(timestamp), nonce, digest, new CompletableFuture<>());
    waiting.add(pair);
    if (draining.compareAndSet(false, true)) {
      try {
        writer.execute(this::drain);
      } catch (RuntimeException | Error e) {
        // No thread to be had: this callback fails (WeChat sends it again), the next one retries.
        draining.set(false);
        throw e;
      }
    }
    Optional<String> first;
    try {
      first = pair.first.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
    if (first.isEmpty()) {
      return Seen.NEW;
    }
    return CallbackNonceStore.sameBody(first.get(), digest) ? Seen.RETRY : Seen.REPLAY;
  }

  /** A pair to record, and (once committed) the digest it was first recorded with, if not new. */
  private record Pair(
      long sentAt, String nonce, String digest, CompletableFuture<Optional<String>> first) {}

  /**
   * On the writer thread: records the pairs waiting, a batch at a time, until none waits. A pair
   * added just as it stops is either taken by this loop or schedules the next one.
   */
  private void drain() {
    do {
      try {
        for (List<Pair> batch; !(batch = takeWaiting()).isEmpty(); ) {
          record(batch);
        }
      } finally {
        draining.set(false);
      }
    } while (!waiting.isEmpty() && draining.compareAndSet(false, true));
  }

  private List<Pair> takeWaiting() {
    List<Pair> batch = new ArrayList<>();
    for (Pair p; batch.size() < BATCH && (p = waiting.poll()) != null; ) {
      batch.add(p);
    }
    batch.sort(Comparator.comparingLong(Pair::sentAt).thenComparing(Pair::nonce));
    return batch;
  }

  /** Records {@code batch} in one transaction; when that fails, each pair in its own. */
  private void record(List<Pair> batch) {
    if (batch.size() > 1) {
      try {
        List<Optional<String>> firsts = inTransaction(batch);
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).first.complete(firsts.get(i));
        }
        return;
      } catch (RuntimeException | Error e) {
        // A lost race or deadlock with another instance, or the database away: one at a time.
      }
    }
    for (Pair p : batch) {
      try {
        p.first.complete(inTransaction(List.of(p)).get(0));
      } catch (RuntimeException | Error e) {
        // Every pair taken must be answered: its caller no longer finds it waiting.
        p.first.completeExceptionally(e);
      }
    }
  }

  /**
   * Deletes the pairs too old to matter, when that is due (once a minute at most): for the pairs
   * that messages' turns record, which do not pass through {@link #remember}. On the writer thread
   * (for the reason in {@link #remember}), waiting for it.
   */
  void pruneIfDue() throws InterruptedException {
    long now = clock.instant().getEpochSecond();
    if (!pruneDue(now)) {
      return;
    }
    Future<?> pruned =
        writer.submit(
            () ->
                storage
                    .database()
                    .useTransaction(
                        "prune wechat callbacks' nonces",
                        tx -> storage.callbackNonces().prune(tx, now - KEEP_SECONDS)));
    try {
      pruned.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  /** Whether pruning is due at {@code now}; true for one caller only. */
  private boolean pruneDue(long now) {
    long due = nextPrune.get();
    return now >= due && nextPrune.compareAndSet(due, now + PRUNE_EVERY_SECONDS);
  }

  private List<Optional<String>> inTransaction(List<Pair> pairs) {
    long now = clock.instant().getEpochSecond();
    return storage
        .database()
        .inTransaction(
            "check wechat callbacks' nonces",
            tx -> {
              if (pruneDue(now)) {
                storage.callbackNonces().prune(tx, now - KEEP_SECONDS);
              }
              List<Optional<String>> firsts = new ArrayList<>();
              for (Pair p : pairs) {
                firsts.add(
                    storage
                        .callbackNonces()
                        .remember(tx, WechatChannel.NAME, p.sentAt, p.nonce, p.digest));
              }
              return firsts;
            });
  }

  /** The hex SHA-256 of {@code text}, as the pairs are recorded with. */
  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JDK", e);
    }
  }
}
