package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.InboundHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The handler callbacks are given to, once the channel has started. The HTTP server is up before
 * that (it serves other pages, and the bot starts its channels after it), so a callback that comes
 * in the moment between waits a little for the handler instead of being turned away: WeChat shows a
 * refused callback to the follower as "该公众号暂时无法提供服务".
 */
final class HandlerGate {
  private final Object lock = new Object();
  private volatile InboundHandler handler;
  private boolean stopped;

  void open(InboundHandler handler) {
    synchronized (lock) {
      this.handler = handler;
      this.stopped = false;
      lock.notifyAll();
    }
  }

  /** Stopping: callbacks are refused at once from now on. */
  void close() {
    synchronized (lock) {
      this.handler = null;
      this.stopped = true;
      lock.notifyAll();
    }
  }

  /** The handler, waiting up to {@code most} for the channel to start; null if it did not. */
  InboundHandler await(Duration most) throws InterruptedException {
    InboundHandler h = handler;
    if (h != null) {
      return h;
    }
    long deadline = System.nanoTime() + most.toNanos();
    synchronized (lock) {
      while (handler == null && !stopped) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return handler;
    }
  }
}
