package dev.cfpbot.channel.wechat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a chat's customer-service messages behind its passive reply. The rest of a long reply is
 * queued when the turn commits, while the first part is still on its way back to WeChat in the HTTP
 * response; a quick sender could otherwise overtake it. A send to a recipient waits while a passive
 * reply to them is being written (the turn is done, the response not yet out), and for {@link #GAP}
 * after the last one. A turn still being handled is waited for only briefly ({@link
 * #HANDLING_WAIT}): its commit may have queued this very message an instant before it returns, but
 * it may as well be the recipient's next message, whose reply has nothing to do with this one.
 */
final class PassiveReplies {
  static final long GAP = TimeUnit.MILLISECONDS.toNanos(100);
  static final long HANDLING_WAIT = TimeUnit.MILLISECONDS.toNanos(20);
  static final long MAX_WAIT = TimeUnit.SECONDS.toNanos(1);
  private static final int TIDY_AT = 10_000;

  private static final class State {
    int handling;
    int writing;
    long doneAt;
  }

  private final Map<String, State> states = new HashMap<>();

  /** A message from {@code openid} is being handled; its reply will be passive. */
  synchronized void begin(String openid) {
    if (states.size() > TIDY_AT) {
      long now = System.nanoTime();
      states.values().removeIf(s -> s.handling + s.writing == 0 && now - s.doneAt > GAP);
    }
    states.computeIfAbsent(openid, k -> new State()).handling++;
  }

  /** The message is handled (its turn committed); the passive reply is being written. */
  synchronized void handled(String openid) {
    State state = states.get(openid);
    if (state != null && state.handling > 0) {
      state.handling--;
      state.writing++;
    }
  }

  /** The exchange with WeChat is over (the reply written, or none). */
  synchronized void end(String openid, boolean wasHandled) {
    State state = states.get(openid);
    if (state == null) {
      return;
    }
    if (wasHandled) {
      state.writing = Math.max(0, state.writing - 1);
    } else {
      state.handling = Math.max(0, state.handling - 1);
    }
    state.doneAt = System.nanoTime();
    notifyAll();
  }

  /** Waits until a message to {@code openid} cannot overtake its passive reply. */
  synchronized void awaitQuiet(String openid) throws InterruptedException {
    long start = System.nanoTime();
    while (true) {
      State state = states.get(openid);
      long now = System.nanoTime();
      if (state == null || now - start >= MAX_WAIT) {
        return;
      }
      long wait;
      if (state.writing > 0) {
        wait = start + MAX_WAIT - now;
      } else if (state.handling > 0 && now - start < HANDLING_WAIT) {
        wait = start + HANDLING_WAIT - now;
      } else {
        wait = state.doneAt + GAP - now;
      }
      if (wait <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.timedWait(this, wait);
    }
  }
}
