package dev.cfpbot.testkit.load;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bot as its own process, started the way operators start it ({@code ./cfp-bot}, which execs
 * the JVM with the launcher's flags), and measured from outside through /proc.
 */
public final class BotProcess implements AutoCloseable {
  private final Process process;
  final long startedNanos;

  private BotProcess(Process process, long startedNanos) {
    this.process = process;
    this.startedNanos = startedNanos;
  }

  /**
   * Starts {@code launcher} with {@code env} added to this process's environment; its output and
   * errors go to {@code log}.
   */
  public static BotProcess start(Path launcher, Map<String, String> env, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(List.of(launcher.toString()));
    builder.environment().putAll(env);
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    long started = System.nanoTime();
    return new BotProcess(builder.start(), started);
  }

  long pid() {
    return process.pid();
  }

  /** User plus system CPU time the process has used, in milliseconds. */
  public long cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000 / 100; // USER_HZ is 100 on Linux
  }

  /** The most memory the process has had resident, in megabytes (VmHWM). */
  public double peakRssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return -1;
  }

  /** kill -9: no shutdown hook, no flush, as a crash or the OOM killer would leave it. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as a service manager stops it; kill -9 if it has not stopped within 15 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
