package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plain start ({@code ./cfp-bot}, no arguments) loads, and from where: the classes of a
 * restart come from the launcher's class data sharing archive, ours and the JDK's included, and
 * picocli (whose Java 5 class files the archive cannot hold) is not loaded at all.
 */
class StartupClassesIT {
  @TempDir Path dir;

  /** ./cfp-bot in the terminal with nothing to read: it starts, and stops at the end of input. */
  private List<String> classesLoadedByAStart() throws IOException, InterruptedException {
    // Added to the launcher's flags by the JVM itself; the archive JVM logs to a file of its own.
    Process process =
        Launcher.run(
            dir,
            Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + dir.resolve("classes-%p.txt")));
    assertThat(process.exitValue()).isZero();
    return Files.readAllLines(dir.resolve("classes-" + process.pid() + ".txt"));
  }

  @Test
  void restart_loadsNoPicocli_andTakesOurClassesAndTheJdksFromTheArchive() throws Exception {
    classesLoadedByAStart();
    await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(dir.resolve("cfp-bot.jsa.sum")));

    List<String> classes = classesLoadedByAStart();

    assertThat(classes).filteredOn(line -> line.contains(" picocli.")).isEmpty();
    List<String> ours =
        classes.stream()
            .filter(line -> line.contains(" dev.cfpbot."))
            // Lambdas and other hidden classes are made at run time: no archive of JDK 17 has them.
            .filter(line -> !line.contains("$$Lambda") && !line.contains("/0x"))
            .toList();
    assertThat(ours).hasSizeGreaterThan(100);
    assertThat(ours)
        .allMatch(line -> line.endsWith("source: shared objects file (top)"), "archived");
    // The archive is made from a rehearsal of a start (ClassArchive#rehearse), so the JDK's classes
    // the libraries use as they run are in it too: 916 of them came from the JDK's own image
    // while the archive was made by loading names alone, 80 since (2026-12-01).
    assertThat(classes).filteredOn(line -> line.contains("source: jrt:/")).hasSizeLessThan(200);
  }
}
