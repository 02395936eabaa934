package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.testing.TestBot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console, driven through the real entry point as a script would pipe into ./cfp-bot. */
class ConsoleEndToEndTest {
  static final String HALF =
      String.join("\n", "投稿", "张三", "我是一名运维工程师，负责公司的容器平台。", "zhangsan_docker", "");
  static final String REST =
      String.join(
          "\n",
          "138 0013 8000",
          "从零到生产：我们的 Docker 迁移之路",
          "介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。",
          "/skip",
          "确认",
          "");

  @TempDir Path dataDir;

  private ConsoleRun run(String input, String... args) {
    return ConsoleRun.run(dataDir, Map.of(), input, args);
  }

  private ConsoleRun run(Map<String, String> extraEnv, String input, String... args) {
    return ConsoleRun.run(dataDir, extraEnv, input, args);
  }

  private ConsoleRun run(Map<String, String> extraEnv, byte[] input, String... args) {
    return ConsoleRun.run(dataDir, extraEnv, input, args);
  }

  @Test
  void pipedSubmission_endsWithTheReceipt() {
    ConsoleRun run = run(HALF + REST);

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("✅ 投稿成功！编号 GZ-01\n《从零到生产：我们的 Docker 迁移之路》已提交给组织者")
        .contains("[organizers] 📥 新投稿 GZ-01 · Techparty 广州 · Docker 技术沙龙");
    assertThat(run.out().indexOf("✅ 投稿成功")).isLessThan(run.out().indexOf("[organizers] 📥"));
    assertThat(run.err())
        .contains("  event:    Techparty 广州 · Docker 技术沙龙 (gz-2027-10-docker)")
        .contains("  deadline: 2027年10月30日（周六） 23:59 (Asia/Shanghai, UTC+8)")
        .contains("  data:     " + dataDir.toAbsolutePath())
        .contains("  channels: console");
  }

  @Test
  void halfASubmission_thenTheRest_resumesWhereItStopped() {
    ConsoleRun first = run(HALF);
    ConsoleRun second = run(REST);

    assertThat(first.out()).endsWith("(4/7) 你的联系电话是？（只有组织者能看到）\n\n");
    assertThat(second.out())
        .startsWith("欢迎回来！")
        .contains("\n\n(4/7) 你的联系电话是？（只有组织者能看到）\n\n(5/7) 你的演讲主题是？")
        .contains("✅ 投稿成功！编号 GZ-01");
  }

  @Test
  void lineThatIsNotUtf8_isRefusedWithTheReason_andNeverStored() throws Exception {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes("投稿\n张".getBytes(StandardCharsets.UTF_8));
    input.writeBytes(new byte[] {(byte) 0xE4, (byte) 0xB8, '\n'});
    input.writeBytes((HALF.substring("投稿\n".length()) + REST).getBytes(StandardCharsets.UTF_8));

    ConsoleRun run = run(Map.of(), input.toByteArray());

    assertThat(run.out())
        .contains("这条消息里有无法识别的字符（可能在传输中出了错），没有保存。请重新输入后再发一次。\n例如：张三\n\n" + "(2/7) 请简单介绍一下自己")
        .contains("✅ 投稿成功！编号 GZ-01");
    Path file = dataDir.resolve("out.json");
    run("", "export", "--format", "json", "--out", file.toString());
    assertThat(Files.readString(file)).contains("\"name\" : \"张三\"").doesNotContain("\uFFFD");
  }

  @Test
  void export_csv_showsTheSubmissionWithABom() {
    run(HALF + REST);

    ConsoleRun export = run("", "export", "--format", "csv");

    assertThat(export.exit()).isZero();
    String[] lines = export.out().split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "\uFEFFid,event,state,submitted_at,updated_at,decided_at,withdrawn_at,speaker,channel,"
                + "姓名,自我介绍,微信号,联系电话,演讲主题,主题简要介绍,演讲稿");
    assertThat(lines[1])
        .startsWith("GZ-01,gz-2027-10-docker,submitted,2027-10-20T12:00:00+08:00,")
        .endsWith(
            ",console,张三,我是一名运维工程师，负责公司的容器平台。,zhangsan_docker,'+8613800138000,"
                + "从零到生产：我们的 Docker 迁移之路,介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。,");
    assertThat(lines).hasSize(2);
  }

  @Test
  void export_jsonToAFile_writesEveryAnswer() throws Exception {
    run(HALF + REST);
    Path file = dataDir.resolve("out.json");

    ConsoleRun export = run("", "export", "--format", "json", "--out", file.toString());

    assertThat(export.exit()).isZero();
    assertThat(export.err()).contains("cfp-bot: exported 1 submissions to " + file);
    String json = Files.readString(file);
    assertThat(json)
        .contains("\"id\" : \"GZ-01\"")
        .contains("\"state\" : \"submitted\"")
        .contains("\"phone\" : \"+8613800138000\"")
        .contains("\"slides\" : null");
  }

  @Test
  void brokenConfig_stopsWithTheLineAndExitCode2() throws Exception {
    Path config =
        Files.writeString(dataDir.resolve("bad.yaml"), "events:\n  - id: xx\n    titel: Oops\n");

    ConsoleRun run = run(Map.of("CFPBOT_CONFIG", config.toString()), "");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "cfp-bot: configuration error: " + config + " line 3: events[0]: unknown key 'titel'");
  }

  @Test
  void export_unknownFormat_isRefused() {
    ConsoleRun run = run("", "export", "--format", "xlsx");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("cfp-bot export: --format must be csv or json, not 'xlsx'\n");
  }

  /** The shipped config with {@code from} replaced by {@code to}, as an operator would edit it. */
  private Path shippedWith(String from, String to) throws Exception {
    String shipped = Files.readString(TestBot.SHIPPED_CONFIG);
    assertThat(shipped).contains(from);
    return Files.writeString(dataDir.resolve("edited.yaml"), shipped.replace(from, to));
  }

  @Test
  void help_showsEachCommandsWholeDescription() {
    ConsoleRun run = run("", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains(
            " migrate Copies every speaker, proposal and message from another cfp-bot database"
                + " (the H2 file, say) into the configured one, which must be empty. ");
  }

  @Test
  void export_ofADataDirectoryThatDoesNotExist_saysThereIsNoDataAndCreatesNothing() {
    Path nowhere = dataDir.resolve("no-such-dir");

    ConsoleRun run = run(Map.of("CFPBOT_DATA_DIR", nowhere.toString()), "", "export");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "cfp-bot export: there is no cfp-bot database in "
                + nowhere.toAbsolutePath().normalize()
                + " (CFPBOT_DATA_DIR); nothing to export\n");
    assertThat(run.out()).isEmpty();
    assertThat(nowhere).doesNotExist();
  }

  @Test
  void banner_inEnglish_whenSpeakersDefaultToEnglish() throws Exception {
    Path config = shippedWith("default_language: zh", "default_language: en");

    ConsoleRun run = run(Map.of("CFPBOT_CONFIG", config.toString()), "");

    assertThat(run.err())
        .endsWith("Type submit (or /start) to submit a talk, help for help; Ctrl-D to quit.\n");
  }

  @Test
  void banner_ofACallThatOpensLater_saysWhenItOpens() throws Exception {
    Path config = shippedWith("# opens_at: 2027-09-01T00:00", "opens_at: 2027-10-25T10:00");

    ConsoleRun run = run(Map.of("CFPBOT_CONFIG", config.toString()), "");

    assertThat(run.err())
        .contains(
            "  event:    Techparty 广州 · Docker 技术沙龙 (gz-2027-10-docker) [opens 2027年10月25日（周一）"
                + " 10:00 (Asia/Shanghai, UTC+8)]\n");
  }
}
