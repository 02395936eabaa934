package dev.cfpbot.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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
      int wait =
          perChat
              .computeIfAbsent(chat, c -> group ? new Bucket(20, 20 / 60.0) : new Bucket(3, 1))
              .take();
      if (wait == 0) {
        wait = global.take();
      }
      if (wait > 0) {
        limited.incrementAndGet();
        return new TooManyRequests(wait);
      }
    }
    return null;
  }
}
