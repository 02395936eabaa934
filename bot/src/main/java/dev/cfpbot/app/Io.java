package dev.cfpbot.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What the program gets from its surroundings: streams, environment and clock. The real entry point
 * passes the process's own; tests pass theirs and run the same code.
 */
public record Io(
    InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {

  public Io {
    env = Map.copyOf(env);
  }
}
