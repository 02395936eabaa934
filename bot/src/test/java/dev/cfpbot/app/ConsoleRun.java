package dev.cfpbot.app;

import dev.cfpbot.testing.TestBot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The real entry point, {@code ./cfp-bot}'s {@code main}, on the shipped config and a data
 * directory of the test's, with standard input, output and the clock in the test's hands.
 *
 * @param exit the exit code
 */
record ConsoleRun(int exit, String out, String err) {
  /** Noon in Shanghai on 2027-10-20, well before the seed's deadline. */
  static final Clock BEFORE_DEADLINE =
      Clock.fixed(Instant.parse("2027-10-20T04:00:00Z"), ZoneOffset.UTC);

  static ConsoleRun run(Path dataDir, Map<String, String> env, String input, String... args) {
    return run(dataDir, env, input.getBytes(StandardCharsets.UTF_8), args);
  }

  static ConsoleRun run(Path dataDir, Map<String, String> env, byte[] input, String... args) {
    return run(
        dataDir,
        env,
        BEFORE_DEADLINE,
        new ByteArrayInputStream(input),
        new ByteArrayOutputStream(),
        args);
  }

  /** The entry point reading {@code in} and writing to {@code out}, at {@code clock}'s time. */
  static ConsoleRun run(
      Path dataDir,
      Map<String, String> extraEnv,
      Clock clock,
      InputStream in,
      ByteArrayOutputStream out,
      String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>();
    env.put("CFPBOT_CONFIG", TestBot.SHIPPED_CONFIG.toString());
    env.put("CFPBOT_DATA_DIR", dataDir.toString());
    env.putAll(extraEnv);
    Io io =
        new Io(
            in,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            clock);
    int exit = Main.run(io, args);
    return new ConsoleRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
