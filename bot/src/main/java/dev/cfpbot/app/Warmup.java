package dev.cfpbot.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads the libraries' classes on a second thread while the first reads the command line and the
 * configuration: start-up is mostly class loading, and the database driver and the Telegram client
 * need nothing from the configuration to be loaded. Classes are loaded, not initialised, so no
 * library code runs early (logging, in particular, is configured later, for the console's sake).
 * The one thing initialised is the JDK's own TLS: its trust store (some 140 certificates parsed)
 * and its socket factory, the largest part of creating an HTTP client (about 0.4 s of CPU on this
 * JVM's flags), which the Telegram and WeChat clients need before their first call.
 */
final class Warmup {
  private static final String LIST = "/warmup-classes.txt";

  /**
   * The trust managers made here, held until start-up is over: the JDK keeps the parsed trust store
   * only while someone refers to it, and the HTTP clients made later reuse it then.
   */
  private static volatile TrustManager[] trust;

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

  /** Makes the JDK's default TLS context; false if this JVM has none (the clients will say so). */
  static boolean initialiseTls() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      SSLContext.getInstance("TLS").init(null, factory.getTrustManagers(), null);
      trust = factory.getTrustManagers();
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      // A speed-up only: the clients meet the same problem and report it.
      return false;
    }
  }

  /** Start-up is over: the clients hold what they need. */
  static void done() {
    trust = null;
  }

  private static void run() {
    initialiseTls();
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
