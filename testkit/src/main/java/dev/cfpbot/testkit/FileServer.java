package dev.cfpbot.testkit;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The file downloads of {@link FakeTelegram} ({@code /file/bot<token>/<path>}): the documents users
 * sent, by file id, to a bot that names its token; and, when a test asks, a slow network.
 */
final class FileServer {
  private final String token;
  private final Map<String, byte[]> files;
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  FileServer(String token, Map<String, byte[]> files) {
    this.token = token;
    this.files = files;
  }

  /** Downloads wait until the returned gate opens, at most a minute (a slow network). */
  Runnable hold() {
    CountDownLatch held = new CountDownLatch(1);
    gate = held;
    return held::countDown;
  }

  /** Downloads waiting at the gate of {@link #hold}. */
  int waiting() {
    return waiting.get();
  }

  void download(Context ctx) throws InterruptedException {
    waiting.incrementAndGet();
    try {
      gate.await(1, TimeUnit.MINUTES);
    } finally {
      waiting.decrementAndGet();
    }
    String path = ctx.pathParam("path");
    String fileId = path.substring(path.lastIndexOf('/') + 1);
    byte[] content = token.equals(ctx.pathParam("token")) ? files.get(fileId) : null;
    if (content == null) {
      ctx.status(404).result("Not Found");
    } else {
      ctx.contentType("application/octet-stream").result(content);
    }
  }
}
