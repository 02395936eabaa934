package dev.cfpbot.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the libraries' classes on a second thread while the first reads the command line and the
 * configuration: start-up is mostly class loading, and the database driver and the Telegram client
 * need nothing from the configuration to be loaded. Classes are loaded, not initialised, so no
 * library code runs early (logging, in particular, is configured later, for the console's sake).
 */
final class Warmup {
  private static final String LIST = "/warmup-classes.txt";

  private Warmup() {}

  static void start() {
    Thread thread = new Thread(Warmup::run, "cfpbot-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /** The classes to load, in the order a run first needs them. */
  static List<String> names() {
    try (InputStream list = Warmup.class.getResourceAsStream(LIST)) {
      if (list == null) {
        return List.of();
      }
      return new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void run() {
    ClassLoader loader = Warmup.class.getClassLoader();
    for (String name : names()) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // Gone from this build (WarmupTest says so): the warm-up is a speed-up only.
      }
    }
  }
}
