package dev.cfpbot.testkit.wechat;

import dev.cfpbot.testkit.load.BotProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many followers submitting at once, and what their passive replies' latency was. */
final class Crowd {
  private static final long WECHAT_LIMIT_MICROS = 5_000_000;

  private final WechatClient wechat;
  private final PrintStream out;
  private final BotProcess bot;

  /**
   * @param bot the bot's process, measured through /proc; null: a bot running elsewhere
   */
  Crowd(WechatClient wechat, PrintStream out, BotProcess bot) {
    this.wechat = wechat;
    this.out = out;
    this.bot = bot;
  }

  /** The bot's CPU time so far, in milliseconds; 0 when it runs elsewhere. */
  long cpuMillis() throws IOException {
    return bot == null ? 0 : bot.cpuMillis();
  }

  /**
   * The bot's CPU per request since {@code cpuBefore} ({@link #cpuMillis}) and its peak RSS so far
   * (VmHWM: the most it has had resident since it started), when the simulator started it.
   */
  void printBot(String what, long cpuBefore, int requests) throws IOException {
    if (bot == null) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "%s: bot CPU %.3f ms/request; peak RSS of the bot: %.1f MB%n",
        what,
        (double) (bot.cpuMillis() - cpuBefore) / Math.max(1, requests),
        bot.peakRssMb());
  }

  /** {@code n} followers, released together, each through a complete submission. */
  List<Follower.Run> run(String prefix, String title, int n, int think) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Follower.Run>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Follower f = new Follower(wechat, prefix + "-" + i, title + " #" + i, think, null);
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return f.call();
                }));
      }
      go.countDown();
      List<Follower.Run> runs = new ArrayList<>();
      for (Future<Follower.Run> future : futures) {
        runs.add(future.get());
      }
      return runs;
    } finally {
      pool.shutdown();
    }
  }

  /** {@code n} followers at once; prints the latency. Whether all went through within 5 s. */
  boolean measure(String prefix, String title, int n, int think) throws Exception {
    long cpu = cpuMillis();
    long start = System.nanoTime();
    List<Follower.Run> runs = run(prefix, title, n, think);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Follower.Step> steps = new ArrayList<>();
    int failed = 0;
    for (Follower.Run run : runs) {
      steps.addAll(run.steps());
      if (!run.ok()) {
        failed++;
        out.println("FAILED " + run.openid() + ": " + run.problem());
      }
    }
    if (steps.isEmpty()) {
      out.println("no passive reply at all");
      return false;
    }
    steps.sort(Comparator.comparingLong(Follower.Step::micros));
    out.printf(
        Locale.ROOT,
        "%d followers%s, %d passive replies in %.1f s (%.0f requests/s); %d followers failed%n",
        n,
        think > 0 ? " (up to " + think + " ms between messages)" : " (no pause between messages)",
        steps.size(),
        seconds,
        steps.size() / seconds,
        failed);
    out.printf(
        "passive reply latency: p50 %s  p90 %s  p99 %s  max %s%n",
        ms(percentile(steps, 50)),
        ms(percentile(steps, 90)),
        ms(percentile(steps, 99)),
        ms(steps.get(steps.size() - 1).micros()));
    out.println("slowest:");
    for (Follower.Step s : steps.subList(Math.max(0, steps.size() - 5), steps.size())) {
      out.printf("  %s  %s  \"%s\"%n", ms(s.micros()), s.openid(), s.sent());
    }
    printBot("measured", cpu, steps.size());
    long over = steps.stream().filter(s -> s.micros() >= WECHAT_LIMIT_MICROS).count();
    out.println(over == 0 ? "every passive reply within 5 s" : over + " replies took 5 s or more");
    return failed == 0 && over == 0;
  }

  private static long percentile(List<Follower.Step> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)).micros();
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }
}
