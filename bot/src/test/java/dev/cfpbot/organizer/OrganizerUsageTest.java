package dev.cfpbot.organizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An organizer command with missing or wrong arguments answers with its usage line. */
@ExtendWith(StorageExtension.class)
class OrganizerUsageTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ORG = RecordingChannel.ORGANIZER_ID;

  @TempDir Path dataDir;
  private Storage storage;
  private TestBot t;

  @BeforeEach
  void start(Storage storage) {
    this.storage = storage;
    t = new TestBot(storage, dataDir);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private String answer(String command) {
    int before = t.channel.textsTo(ORG).size();
    t.say(ORG, command);
    await().atMost(WAIT).until(() -> t.channel.textsTo(ORG).size() == before + 1);
    return t.channel.textsTo(ORG).get(before);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/accept|用法：/accept 编号 [附言] — 接受（会通知讲者）",
        "/shortlist|用法：/shortlist 编号 [附言] — 入围",
        "/reject   |用法：/reject 编号 [附言] — 不接受",
      })
  void decision_withoutACode_answersWithItsUsage(String command, String usage) {
    assertThat(answer(command)).isEqualTo(usage);
  }

  @Test
  void decision_withACodeThatDoesNotExist_saysSo_withTheUsage() {
    assertThat(answer("/accept GZ-99 欢迎"))
        .isEqualTo("没有编号为 GZ-99 的投稿。\n用法：/accept 编号 [附言] — 接受（会通知讲者）");
  }

  @Test
  void export_inAFormatItDoesNotWrite_isRefused_andWritesNothing() {
    assertThat(answer("/export xml")).isEqualTo("看不懂「xml」。\n用法：/export [csv|json] — 导出全部投稿");
    assertThat(Files.exists(dataDir.resolve("exports"))).isFalse();
  }

  @Test
  void export_inAKnownFormat_stillExports() {
    assertThat(answer("/export JSON")).startsWith("已导出 0 个投稿：cfp-").endsWith(".json");
  }

  @Test
  void submissions_withAPageThatIsNoNumber_answersWithItsUsage() {
    assertThat(answer("/submissions next")).isEqualTo("看不懂「next」。\n用法：/submissions [页码] — 投稿列表");
  }

  @Test
  void stats_withAnArgument_answersWithItsUsage() {
    assertThat(answer("/stats gz")).isEqualTo("看不懂「gz」。\n用法：/stats — 各状态数量");
  }

  @Test
  void digest_ofAnEventThatDoesNotExist_saysSo_withTheUsage() {
    assertThat(answer("/digest nope")).isEqualTo("没有 id 为 nope 的活动。\n用法：/digest [活动 id] — 投稿汇总");
  }

  @Test
  void announce_ofAnEventThatDoesNotExist_saysSo_withTheUsage() {
    String usage =
        "用法：/announce [活动 id] — 预览并发布征集公告；/announce update 内容 — 发布补充消息\n"
            + "/announce speakers 内容 — 私信通知所有投稿的讲者";
    assertThat(answer("/announce nope")).isEqualTo("没有 id 为 nope 的活动。\n" + usage);
    assertThat(answer("/announce confirm nope")).isEqualTo("没有 id 为 nope 的活动。\n" + usage);
    assertThat(answer("/announce update")).isEqualTo("请在 /announce update 后面写上要发布的内容。\n" + usage);
  }

  @Test
  void usage_inTheOrganizersLanguage() throws Exception {
    t.close();
    String yaml =
        Files.readString(TestBot.SHIPPED_CONFIG)
            .replace("organizer_language: zh", "organizer_language: en");
    t = new TestBot(ConfigLoader.parse(yaml, "test"), storage, dataDir);

    assertThat(answer("/accept"))
        .isEqualTo("Usage: /accept CODE [note] — accept (the speaker is told)");
    assertThat(answer("/export xml"))
        .isEqualTo(
            "I do not understand \"xml\".\nUsage: /export [csv|json] — export every proposal");
  }
}
