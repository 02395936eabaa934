package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as its own process the way ./cfp-bot runs it. */
class CfpBotJarIT {
  private static final Path JAR = Path.of(System.getProperty("cfpbot.jar", "target/cfp-bot.jar"));
  private static final Path ROOT = Path.of(System.getProperty("cfpbot.root", ".."));

  @TempDir Path dataDir;

  record Result(int exit, String out, String err) {}

  private Result run(String input, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java", "-Xmx128m", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CFPBOT_CONFIG", ROOT.resolve("config/cfp-bot.yaml").toString());
    builder.environment().put("CFPBOT_DATA_DIR", dataDir.toString());
    Path out = dataDir.resolve("stdout.txt");
    Path err = dataDir.resolve("stderr.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the bot ends with its input").isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void jar_pipedSubmissionThenExport() throws Exception {
    Result chat = run(ConsoleEndToEndTest.HALF + ConsoleEndToEndTest.REST);

    assertThat(chat.exit()).isZero();
    assertThat(chat.out()).contains("✅ 投稿成功！编号 GZ-01\n《从零到生产：我们的 Docker 迁移之路》已提交给组织者");

    Result export = run("", "export", "--format", "csv");

    assertThat(export.exit()).isZero();
    assertThat(export.out()).startsWith("\uFEFFid,event,state,");
    assertThat(export.out()).contains("\r\nGZ-01,gz-2027-10-docker,submitted,");
  }

  @Test
  void jar_halfThenRest_resumesAcrossProcesses() throws Exception {
    run(ConsoleEndToEndTest.HALF);

    Result rest = run(ConsoleEndToEndTest.REST);

    assertThat(rest.out()).startsWith("(5/7) 你的演讲主题是？").contains("编号 GZ-01");
  }
}
