package dev.cfpbot.app;

import dev.cfpbot.channel.ChannelRegistry;
import dev.cfpbot.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.LoggerFactory;

/**
 * What the launcher runs, in the background, to make the class data sharing archive of a build
 * ({@code -XX:ArchiveClassesAtExit}): loads the classes a run loads first (the warm-up list) and
 * every class of the bot's own, rehearses a start ({@link #rehearse}), and exits. The JVM writes
 * the archive as it exits; the launcher uses it from the next start on.
 */
public final class ClassArchive {
  private static final String OURS = "dev/cfpbot/";
  private static final String CLASS = ".class";

  private ClassArchive() {}

  public static void main(String[] args) {
    ClassLoader loader = ClassArchive.class.getClassLoader();
    List<String> names = new ArrayList<>(Warmup.names());
    names.addAll(ownClasses());
    for (String name : names) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // Gone from this build: the archive is a speed-up only.
      }
    }
    rehearse(System.getenv());
  }

  /**
   * Runs what a start runs before it talks to anyone, so that the archive also holds what only
   * running loads: the JDK's classes behind the libraries' (reflection, TLS, concurrency), the
   * lambdas and generated accessors of binding the configuration and opening a database, and the
   * channels' rehearsals ({@link dev.cfpbot.channel.ChannelFactory#rehearse}). Loading the names
   * alone left some 900 JDK classes, 500 generated ones and, after the first getUpdates, 500 of
   * Telegram's to every restart (class-load log, 2026-12-01). Nothing here touches the network or
   * the bot's data: the configuration is read as the bot reads it, the database is a private one in
   * memory, and a part that fails is only left out of the archive.
   *
   * @return the parts that failed: {@code configuration}, {@code storage}, {@code tls}, or a
   *     channel's name
   */
  static List<String> rehearse(Map<String, String> env) {
    List<String> failed = new ArrayList<>();
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    try {
      Launch.prepare(
          new Io(InputStream.nullInputStream(), nowhere, nowhere, env, Clock.systemUTC()), false);
    } catch (RuntimeException | LinkageError e) {
      // A configuration the bot will explain when it starts.
      failed.add("configuration");
    }
    try (Storage storage = Storage.inMemory()) {
      LoggerFactory.getLogger(ClassArchive.class).debug("class archive: storage opened");
    } catch (RuntimeException | LinkageError e) {
      failed.add("storage");
    }
    if (!Warmup.initialiseTls()) {
      failed.add("tls");
    }
    failed.addAll(ChannelRegistry.installed().rehearse());
    return failed;
  }

  /**
   * The bot's own classes in the jar this runs from (none when it runs from a directory, as in
   * tests): the warm-up list leaves them out, so that it need not change with every class of ours,
   * but a start loads some 400 of them.
   */
  static List<String> ownClasses() {
    List<String> names = new ArrayList<>();
    try {
      Path jar =
          Path.of(ClassArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!jar.toString().endsWith(".jar")) {
        return names;
      }
      try (JarFile file = new JarFile(jar.toFile())) {
        file.stream()
            .map(JarEntry::getName)
            .filter(
                n -> n.startsWith(OURS) && n.endsWith(CLASS) && !n.endsWith("package-info.class"))
            .map(n -> n.substring(0, n.length() - CLASS.length()).replace('/', '.'))
            .forEach(names::add);
      }
    } catch (IOException | URISyntaxException | SecurityException e) {
      // No archive of our classes: start-up is slower, nothing else.
    }
    return names;
  }
}
