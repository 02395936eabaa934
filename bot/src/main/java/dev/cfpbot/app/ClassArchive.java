package dev.cfpbot.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What the launcher runs, in the background, to make the class data sharing archive of a build
 * ({@code -XX:ArchiveClassesAtExit}): loads the classes a run loads first (the warm-up list) and
 * every class of the bot's own, and exits. The JVM writes the archive as it exits; the launcher
 * uses it from the next start on.
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
