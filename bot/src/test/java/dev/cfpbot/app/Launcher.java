package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./cfp-bot} as a process, run as a user runs it, on a scratch directory: the shipped
 * configuration, the data in {@code data/} and the class data sharing archive {@code cfp-bot.jsa}
 * under it, the launcher's own flags.
 */
final class Launcher {
  static final Path ROOT =
      Path.of(System.getProperty("cfpbot.root", "..")).toAbsolutePath().normalize();

  private Launcher() {}

  /**
   * Runs {@code ./cfp-bot args} with {@code env} besides the above, nothing on its input and its
   * output in {@code out.txt} and {@code err.txt} under {@code dir}; returns it once it has ended
   * (within a minute).
   */
  static Process run(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("cfp-bot").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CFPBOT_CONFIG", ROOT.resolve("config/cfp-bot.yaml").toString());
    builder.environment().put("CFPBOT_DATA_DIR", dir.resolve("data").toString());
    builder.environment().put("CFPBOT_CDS_ARCHIVE", dir.resolve("cfp-bot.jsa").toString());
    builder.environment().remove("CFPBOT_CDS");
    builder.environment().remove("CFPBOT_JAVA_OPTS");
    builder.environment().putAll(env);
    builder
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process;
  }
}
