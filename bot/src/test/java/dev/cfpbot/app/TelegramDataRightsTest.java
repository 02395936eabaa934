package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.PostgresServer;
import dev.cfpbot.testkit.SentMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * /mydata, /forget and the retention purge on Telegram: the real application against the fake Bot
 * API, on its H2 file and on PostgreSQL.
 */
@ExtendWith(StorageExtension.class)
class TelegramDataRightsTest {
  private final TestDatabases databases;

  TelegramDataRightsTest(TestDatabases databases) {
    this.databases = databases;
  }

  static final long ALICE = 1001;
  static final long BOB = 1002;
  static final String TITLE = "从零到生产";
  static final String ABSTRACT = "介绍我们把单体应用迁移到 Docker 的过程和踩过的坑。";

  /** 181 days after the seed event ended. */
  static final Instant PAST_RETENTION = Instant.parse("2028-04-29T00:00:00Z");

  @TempDir Path dataDir;
  final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  TelegramHarness h;

  private void start(String database) {
    Map<String, String> env = new HashMap<>();
    if (database.equals("postgres")) {
      PostgresServer.Database db = databases.newPostgres();
      env.put("CFPBOT_DB_URL", db.url());
      env.put("CFPBOT_DB_USER", db.user());
      env.put("CFPBOT_DB_PASSWORD", db.password());
    }
    h = new TelegramHarness(dataDir, clock, env).start();
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private <T> T in(Function<Tx, T> work) {
    return h.storage().database().inTransaction("test", work);
  }

  private Submission byCode(String code) {
    return in((Tx tx) -> h.storage().submissions().findByCode(tx, code)).orElseThrow();
  }

  private SentMessage last(long chat) {
    List<SentMessage> sent = h.telegram.sentTo(Long.toString(chat));
    return sent.get(sent.size() - 1);
  }

  private long storedFiles() throws Exception {
    Path files = dataDir.resolve("files");
    if (!Files.isDirectory(files)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(files)) {
      return all.filter(f -> f.toString().endsWith(".pdf")).count();
    }
  }

  /** A submission, then slides sent later: an unconfirmed edit with a stored file. */
  private void submitWithPendingSlides(long chat) throws Exception {
    h.submit(chat, TITLE);
    int before = h.telegram.textsTo(chat).size();
    byte[] pdf = "%PDF-1.4\n% slides\n".getBytes(StandardCharsets.US_ASCII);
    h.telegram.sendDocument(chat, "slides.pdf", "application/pdf", pdf);
    await()
        .atMost(TelegramHarness.WAIT)
        .until(
            () ->
                h.telegram.textsTo(chat).stream()
                    .skip(before)
                    .anyMatch(text -> text.startsWith("你正在修改 GZ-01")));
    assertThat(storedFiles()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgres"})
  void myData_comesAsAMessageAndAJsonDocument(String database) throws Exception {
    start(database);
    submitWithPendingSlides(ALICE);

    List<String> replies = h.say(ALICE, "/mydata", 3);

    assertThat(replies.get(0))
        .startsWith(
            "📋 我们保存的关于你的全部数据（只发给你本人；时间为 Asia/Shanghai 时间）：\n\n" + "【资料】\n渠道：telegram（账号 1001）\n")
        .contains(
            "联系电话：+8613800138000\n"
                + "演讲主题："
                + TITLE
                + "\n主题简要介绍："
                + ABSTRACT
                + "\n未确认的修改：\n演讲稿：slides.pdf (1 KB)\n记录：\n")
        .contains("【文件】\n• slides.pdf（application/pdf，1 KB）：GZ-01 演讲稿");
    SentMessage document =
        h.telegram
            .sentTo(Long.toString(ALICE))
            .get(h.telegram.sentTo(Long.toString(ALICE)).size() - 2);
    assertThat(document.method()).isEqualTo("senddocument");
    assertThat(document.text()).isEqualTo("📎 同样的内容，JSON 文件，方便保存。");
    assertThat(document.document()).isEqualTo("cfp-bot-my-data-2027-10-20.json");
    JsonNode copy = new ObjectMapper().readTree(h.telegram.uploadedDocument(document.messageId()));
    assertThat(copy.path("profile").path("channel").asText()).isEqualTo("telegram");
    assertThat(copy.path("profile").path("account").asText()).isEqualTo("1001");
    JsonNode proposal = copy.path("proposals").get(0);
    assertThat(proposal.path("code").asText()).isEqualTo("GZ-01");
    assertThat(proposal.path("answers").path("title").asText()).isEqualTo(TITLE);
    assertThat(proposal.path("pending_edits").path("slides").path("name").asText())
        .isEqualTo("slides.pdf");
    assertThat(copy.path("files").get(0).path("size").asLong()).isEqualTo(18);
    // Then the question the speaker was at: the summary of the edit.
    assertThat(replies.get(2)).startsWith("你正在修改 GZ-01：");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgres"})
  void forget_byTheButton_deletesTheSpeakerAndTellsTheOrganizersOnce(String database)
      throws Exception {
    start(database);
    submitWithPendingSlides(ALICE);
    h.submit(BOB, "Bob 的演讲");

    String question = h.say(ALICE, "/forget", 1).get(0);

    assertThat(question)
        .isEqualTo(
            "⚠️ 确定要删除你的全部数据吗？将会删除：\n"
                + "• 你的资料：名字「User1001」、语言和提醒设置\n"
                + "• 1 个投稿的全部回答（包括未确认的修改）：GZ-01 《"
                + TITLE
                + "》。编号会保留并标记为「已删除」，组织者的统计不受影响，他们会收到一条只有编号的通知\n"
                + "• 1 个文件：slides.pdf (1 KB)\n"
                + "• 我们的对话进度\n"
                + "删除后无法恢复。回复「确认删除」执行；发送其他任何内容都会取消。");
    assertThat(TelegramHarness.commands(last(ALICE))).containsExactly("/forget confirm", "/cancel");
    int before = h.telegram.textsTo(ALICE).size();

    h.pressButton(ALICE, "/forget confirm");

    assertThat(h.awaitTexts(ALICE, before + 1).get(before))
        .isEqualTo(
            "✅ 你的数据已全部删除，无法恢复。投稿编号 GZ-01 保留为「已删除」，组织者已收到通知（不含你的任何信息）。" + "如果再给我发消息，会作为新用户重新开始。");
    await()
        .atMost(TelegramHarness.WAIT)
        .until(
            () ->
                h.telegram.sentTo(TelegramHarness.ORGANIZERS).stream()
                    .anyMatch(m -> m.text().startsWith("🗑")));
    assertThat(
            h.telegram.sentTo(TelegramHarness.ORGANIZERS).stream()
                .map(SentMessage::text)
                .filter(text -> text.startsWith("🗑")))
        .containsExactly("🗑 一位讲者删除了自己的数据：GZ-01。编号保留，内容已删除。");
    assertThat(in((Tx tx) -> h.storage().speakers().find(tx, "telegram", "1001"))).isEmpty();
    Submission tomb = byCode("GZ-01");
    assertThat(tomb.state()).isEqualTo(SubmissionState.DELETED);
    assertThat(tomb.speakerId()).isNull();
    assertThat(in((Tx tx) -> h.storage().answers().answers(tx, tomb.id(), true))).isEmpty();
    await().atMost(TelegramHarness.WAIT).until(() -> storedFiles() == 0);
    assertThat(byCode("GZ-02").state()).isEqualTo(SubmissionState.SUBMITTED);

    assertThat(h.say(ALICE, "/status", 1)).containsExactly("你还没有投稿。发送「投稿」开始。");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgres"})
  void retention_leavesAnAcceptedTalkOnlyItsPublicFields(String database) {
    start(database);
    h.submit(BOB, TITLE);
    int alerts = h.telegram.sentTo(TelegramHarness.ORGANIZERS).size();
    h.telegram.sendText(
        Long.parseLong(TelegramHarness.ORGANIZERS),
        Long.parseLong(TelegramHarness.ORGANIZER),
        "/accept GZ-01",
        "zh-hans");
    h.awaitSent(TelegramHarness.ORGANIZERS, alerts + 1);
    clock.set(clock.instant().plus(java.time.Duration.ofMinutes(10)));
    h.awaitTexts(BOB, 10);

    clock.set(PAST_RETENTION);
    h.app.bot().scheduler().tick();

    assertThat(h.say(BOB, "/mydata", 2).get(0))
        .contains(
            "【GZ-01 《"
                + TITLE
                + "》】Techparty 广州 · Docker 技术沙龙\n"
                + "状态：已接受\n"
                + "创建 2027-10-20 12:00 · 提交 2027-10-20 12:00 · 评选 2027-10-20 12:00 · 最后修改"
                + " 2027-10-20 12:00\n"
                + "姓名：张三\n"
                + "演讲主题："
                + TITLE
                + "\n主题简要介绍："
                + ABSTRACT
                + "\n记录：\n");
    assertThat(in((Tx tx) -> h.storage().answers().answers(tx, byCode("GZ-01").id(), true)))
        .containsOnlyKeys("name", "title", "abstract");
  }

  @org.junit.jupiter.api.Test
  void commandMenu_offersTheDataCommands() {
    start("h2");
    h.say(ALICE, "/help", 1);

    JsonNode commands = h.awaitMenu().path("commands");
    assertThat(commands.findValuesAsText("command")).contains("mydata", "forget");
    assertThat(commands.findValuesAsText("description"))
        .contains("My data: everything stored about me", "Delete my data");
  }
}
