package dev.cfpbot.channel.telegram;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Telegram's sending limits, kept before each call rather than learnt from 429s: about 30 messages
 * a second overall; in one chat a short burst, then one a second; 20 a minute in a group or
 * channel.
 *
 * <p>Overall, a sliding window: a send may start once fewer than {@link #PER_WINDOW} sends started
 * in the last {@link #WINDOW} (1.02 s: 2 % longer than Telegram's second). Each send takes its slot
 * — now, or when the send {@code PER_WINDOW} before it leaves the window — and its sender sleeps
 * until then, once, without polling. Any 31 sends in a row then span more than a second, as they
 * did when sends were spaced 34 ms apart; but a backlog now leaves in bursts of 30, one a window,
 * instead of one send at a time. A send that runs on its own costs several times what it costs
 * beside others (caches, wake-ups, one outcome write each): with the bursts a run under the limits
 * took about a quarter less CPU per turn (README, Performance, ninth round). A token bucket
 * refilled every second would let twice the limit through where two seconds meet; a window counts
 * the sends themselves.
 *
 * <p>In a chat, a token bucket (a burst, then one a second). A sender first sleeps until its chat
 * has a token, and only then takes a slot overall: a slot taken while waiting for the chat would be
 * a hole in the window for everyone else. The outbox never sends two messages to one chat at once,
 * so nobody else spends that chat's token meanwhile. The chat's token is taken at the time of the
 * slot and counted as spent when the send is answered ({@link #sent}), so the spacing Telegram sees
 * in a chat is at least the spacing of the buckets even when a send leaves late.
 */
final class TelegramLimits {
  /** Sends that may start within one {@link #WINDOW}. */
  static final int PER_WINDOW = 30;

  /** 1.02 s: 29.4 sends a second, 2 % under the limit, a margin for the network's jitter. */
  static final long WINDOW = TimeUnit.MILLISECONDS.toNanos(1020);

  /** 34 ms, the window's pace per send: what a send waiting behind others adds to their wait. */
  static final long SPACING = WINDOW / PER_WINDOW;

  /** In a private chat after its burst: one send per 1.05 s (see {@link ChatBucket#of}). */
  static final Duration CHAT_SPACING = Duration.ofMillis(1050);

  private final Map<String, ChatBucket> chats = new ConcurrentHashMap<>();
  private final boolean enabled;
  private final LongSupplier nanoTime;

  /**
   * The slots of the last {@link #PER_WINDOW} sends, the oldest at {@link #oldest}; {@code
   * Long.MIN_VALUE} for none yet.
   */
  private final long[] slots = new long[PER_WINDOW];

  private int oldest;

  TelegramLimits(boolean enabled) {
    this(enabled, System::nanoTime);
  }

  TelegramLimits(boolean enabled, LongSupplier nanoTime) {
    this.enabled = enabled;
    this.nanoTime = nanoTime;
    Arrays.fill(slots, Long.MIN_VALUE);
  }

  /** Blocks until a message to {@code chat} may go out. */
  void await(String chat) throws InterruptedException {
    if (!enabled) {
      return;
    }
    TimeUnit.NANOSECONDS.sleep(reserve(chat));
  }

  /**
   * Takes the send's turn — in its chat, then overall — and returns how long to wait for it in
   * nanoseconds (sleeping for the chat's token first, when the chat has none yet).
   */
  long reserve(String chat) throws InterruptedException {
    ChatBucket bucket = chats.computeIfAbsent(chat, ChatBucket::of);
    long chatWait = bucket.waitAt(nanoTime.getAsLong());
    if (chatWait > 0) {
      TimeUnit.NANOSECONDS.sleep(chatWait);
    }
    long now;
    long slot;
    synchronized (this) {
      // Read under the lock, so that slots are taken in the order of time: each is then at least a
      // window after the one PER_WINDOW before it, and no window holds more than PER_WINDOW.
      now = nanoTime.getAsLong();
      slot = slotAt(0, now);
      slots[oldest] = slot;
      oldest = (oldest + 1) % PER_WINDOW;
    }
    bucket.take(slot);
    return slot - now;
  }

  /**
   * How long before a send handed over now could go, in nanoseconds, at the least: after {@code
   * waiting} sends that take their slots first (0: how far ahead the window is booked). 0 when
   * sends are not paced, or the window has room for them all.
   */
  long horizon(int waiting) {
    if (!enabled) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    synchronized (this) {
      return slotAt(waiting, now) - now;
    }
  }

  /**
   * The slot the {@code k}-th send from now (0: the next) would take if all took theirs in a row:
   * the {@code k % PER_WINDOW}-th oldest slot in the window, a window on for each full window of
   * sends ahead of it.
   */
  private long slotAt(int k, long now) {
    long before = slots[(oldest + k % PER_WINDOW) % PER_WINDOW];
    long first = before == Long.MIN_VALUE || before + WINDOW - now < 0 ? now : before + WINDOW;
    return first + (long) (k / PER_WINDOW) * WINDOW;
  }

  /** The send to {@code chat} that last took its turn has been answered (or has failed). */
  void sent(String chat) {
    if (enabled) {
      ChatBucket bucket = chats.get(chat);
      if (bucket != null) {
        bucket.sent(nanoTime.getAsLong());
      }
    }
  }

  /** A chat's token bucket: {@code capacity} sends at once, then one every {@code every}. */
  static final class ChatBucket {
    private final double capacity;
    private final long every;
    private double tokens;
    private long last = Long.MIN_VALUE;

    ChatBucket(int capacity, Duration every) {
      this.capacity = capacity;
      this.every = every.toNanos();
      this.tokens = capacity;
    }

    /**
     * Private chats: a burst of 3, then one per 1.05 s — 5 % slower than Telegram's one a second, a
     * margin of 50 ms for the network's jitter between two sends to one chat. (1.25 s, a quarter
     * slower, held the last speakers of a busy run back: they wait on their chat's spacing while
     * the overall pace has room.) Groups and channels (ids starting with "-" or "@"): 19 a minute
     * against Telegram's 20.
     */
    static ChatBucket of(String chat) {
      boolean group = chat.startsWith("-") || chat.startsWith("@");
      return group
          ? new ChatBucket(19, Duration.ofMinutes(1).dividedBy(19))
          : new ChatBucket(3, CHAT_SPACING);
    }

    /** Nanoseconds from {@code now} until a token is there (0: one is). */
    synchronized long waitAt(long now) {
      double available = tokensAt(now);
      return available >= 1 ? 0 : (long) Math.ceil((1 - available) * every);
    }

    /**
     * The send that spent the last token was answered at {@code at}: the token counts as spent
     * then. Telegram counts a send when it arrives, and a send can leave well after its slot (a
     * busy machine, a slow connection): counted from the slot, the next send could arrive too soon
     * after it. The refill between the slot and the answer is forfeited.
     */
    synchronized void sent(long at) {
      if (last != Long.MIN_VALUE && at - last > 0) {
        last = at;
      }
    }

    /** Spends a token at {@code at} (a send's slot, now or a little later). */
    synchronized void take(long at) {
      tokens = Math.max(0, tokensAt(at) - 1);
      last = Math.max(last, at);
    }

    private double tokensAt(long at) {
      if (last == Long.MIN_VALUE || at - last <= 0) {
        return last == Long.MIN_VALUE ? capacity : tokens;
      }
      return Math.min(capacity, tokens + (double) (at - last) / every);
    }
  }
}
