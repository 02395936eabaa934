package dev.cfpbot.testkit;

/** A token bucket as Telegram's limits behave: a burst, then a steady rate. Thread-safe. */
final class Bucket {
  private final double capacity;
  private final double perNano;
  private double tokens;
  private long last;

  Bucket(double capacity, double perSecond) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.tokens = capacity;
    this.last = System.nanoTime();
  }

  /** Takes a token; returns 0, or the seconds until one is there (nothing taken). */
  synchronized int take() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (int) Math.max(1, Math.ceil((1 - tokens) / perNano / 1e9));
  }
}
