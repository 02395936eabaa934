package dev.cfpbot.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures of the fake Bot API: scripted ones (the next call of a method fails so), random ones (a
 * share of all send calls), and Telegram's rate limits (30 messages a second overall; per chat a
 * burst of 3, then one a second; 20 a minute in a group).
 */
public final class Faults {
  /** One way a call fails. */
  public sealed interface Fault {
    void apply(Context ctx, ObjectMapper json) throws java.io.IOException;
  }

  /** 429 Too Many Requests with retry_after. */
  public record TooManyRequests(int retryAfter) implements Fault {
    @Override
    public void apply(Context ctx, ObjectMapper json) {
      ctx.status(429)
          .contentType("application/json")
          .result(
              "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                  + retryAfter
                  + "\",\"parameters\":{\"retry_after\":"
                  + retryAfter
                  + "}}");
    }
  }

  /** 500 Internal Server Error. */
  public record ServerError() implements Fault {
    @Override
    public void apply(Context ctx, ObjectMapper json) {
      ctx.status(500)
          .contentType("application/json")
          .result("{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
    }
  }

  /** An answer that never comes in time: the bot's request times out. */
  public record Timeout(long millis) implements Fault {
    @Override
    public void apply(Context ctx, ObjectMapper json) {
      try {
        Thread.sleep(millis); // the fake stands for a slow network: this is what it simulates
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ctx.status(504).result("");
    }
  }

  /** 403 Forbidden: the user blocked the bot. */
  public record Blocked() implements Fault {
    @Override
    public void apply(Context ctx, ObjectMapper json) {
      ctx.status(403)
          .contentType("application/json")
          .result(
              "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
    }
  }

  private final Map<String, Deque<Fault>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Bucket> perChat = new ConcurrentHashMap<>();
  private final Bucket global = new Bucket(30, 30);
  private final AtomicInteger limited = new AtomicInteger();
  private final List<String> refusals = new CopyOnWriteArrayList<>();
  private final Map<String, Long> lastPass = new ConcurrentHashMap<>();
  private final Random random = new Random(42);
  private volatile boolean limits;
  private volatile double randomShare;

  /** The next call of {@code method} (lower case) fails with {@code fault}. */
  public void failNext(String method, Fault fault) {
    scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(fault);
  }

  /** Enforce Telegram's rate limits on send calls, answering 429 beyond them. */
  public void enforceLimits(boolean on) {
    limits = on;
  }

  /** Fail this share of send calls at random: 429, 500 or a timeout in equal parts. */
  public void failRandomly(double share) {
    randomShare = share;
  }

  /** Which limit refused each refused call: "global" or "chat <id>". */
  public List<String> refusals() {
    return List.copyOf(refusals);
  }

  /** How many calls the rate limits refused. */
  public int limited() {
    return limited.get();
  }

  synchronized Fault next(String method, String chat) {
    Deque<Fault> queue = scripted.get(method);
    if (queue != null && !queue.isEmpty()) {
      return queue.poll();
    }
    if (!method.startsWith("send")) {
      return null;
    }
    if (randomShare > 0 && random.nextDouble() < randomShare) {
      return switch (random.nextInt(3)) {
        case 0 -> new TooManyRequests(1);
        case 1 -> new ServerError();
        default -> new Timeout(3_000);
      };
    }
    if (limits) {
      boolean group = chat.startsWith("-") || chat.startsWith("@");
      Bucket bucket =
          perChat.computeIfAbsent(chat, c -> group ? new Bucket(20, 20 / 60.0) : new Bucket(3, 1));
      int wait = bucket.take();
      Long previous = lastPass.get(chat);
      String which =
          "chat "
              + chat
              + " ("
              + (previous == null
                  ? "first"
                  : (System.nanoTime() - previous) / 1_000_000 + " ms after the last")
              + ")";
      if (wait == 0) {
        wait = global.take();
        which = "global";
      }
      if (wait == 0) {
        lastPass.put(chat, System.nanoTime());
      }
      if (wait > 0) {
        limited.incrementAndGet();
        refusals.add(which);
        return new TooManyRequests(wait);
      }
    }
    return null;
  }
}
