package dev.cfpbot.testkit.load;

import java.util.Arrays;
import java.util.Locale;

/** Reply latencies, collected from many threads, summarised in percentiles. */
final class Latencies {
  private long[] values = new long[1024];
  private int count;

  synchronized void add(long nanos) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = nanos;
  }

  synchronized int count() {
    return count;
  }

  /** The p-th percentile (0-100) in milliseconds. */
  synchronized double percentile(double p) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
  }

  String summary() {
    return String.format(
        Locale.ROOT,
        "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
        percentile(50),
        percentile(90),
        percentile(99),
        percentile(100));
  }
}
