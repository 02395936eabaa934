package dev.cfpbot.app;

/**
 * What the launcher runs, in the background, to make the class data sharing archive of a build
 * ({@code -XX:ArchiveClassesAtExit}): loads the classes a run loads first (the warm-up list) and
 * exits. The JVM writes the archive as it exits; the launcher uses it from the next start on.
 */
public final class ClassArchive {
  private ClassArchive() {}

  public static void main(String[] args) {
    ClassLoader loader = ClassArchive.class.getClassLoader();
    for (String name : Warmup.names()) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // Gone from this build: the archive is a speed-up only.
      }
    }
  }
}
