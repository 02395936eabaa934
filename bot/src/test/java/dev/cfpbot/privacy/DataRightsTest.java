package dev.cfpbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfpbot.channel.Outbound;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** /mydata and /forget through the real bot: what is read, sent, deleted and kept. */
@ExtendWith(StorageExtension.class)
class DataRightsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ORGS = RecordingChannel.ORGANIZER_CHAT;
  private static final String EVENT = "gz-2027-10-docker";

  @TempDir Path dataDir;
  private TestBot t;

  @BeforeEach
  void start(Storage storage) {
    t = new TestBot(storage, dataDir);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private <T> T in(Function<Tx, T> work) {
    return t.storage.database().inTransaction("test", work);
  }

  private List<Outbound> sentTo(String chat) {
    return t.channel.sent().stream().filter(m -> m.recipient().equals(chat)).toList();
  }

  private Optional<Speaker> speaker(String chat) {
    return in((Tx tx) -> t.storage.speakers().find(tx, RecordingChannel.NAME, chat));
  }

  private Submission byCode(String code) {
    return in((Tx tx) -> t.storage.submissions().findByCode(tx, code)).orElseThrow();
  }

  @Test
  void myData_sendsTheSpeakerTheirDataAndAJsonFileWrittenForThemAlone() throws Exception {
    t.submitSeedTalk("alice", "Alice 的演讲");
    t.submitSeedTalk("bob", "Bob 的演讲");
    t.awaitDelivered();
    int before = sentTo("alice").size();

    t.say("alice", "/mydata");

    t.awaitDelivered();
    List<Outbound> sent = sentTo("alice").subList(before, sentTo("alice").size());
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).text())
        .startsWith("📋 我们保存的关于你的全部数据（只发给你本人；时间为 Asia/Shanghai 时间）：")
        .contains("渠道：test（账号 alice）\n名字（由平台提供）：Speaker alice\n")
        .contains("【GZ-01 《Alice 的演讲》】Techparty 广州 · Docker 技术沙龙\n状态：已提交，等待评选\n")
        .contains("联系电话：+8613800138000\n")
        .doesNotContain("Bob");
    Outbound json = sent.get(1);
    assertThat(json.text()).isEqualTo("📎 同样的内容，JSON 文件，方便保存。");
    assertThat(json.file().name()).isEqualTo("cfp-bot-my-data-2027-10-20.json");
    assertThat(json.file().type()).isEqualTo("application/json");
    assertThat(json.file().path()).matches("exports/cfp-mydata-20271020-040000-[0-9a-f]{8}\\.json");

    Path file = dataDir.resolve(json.file().path());
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(file.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.size(file)).isEqualTo(json.file().size());
    JsonNode copy = new ObjectMapper().readTree(file.toFile());
    assertThat(copy.path("profile").path("account").asText()).isEqualTo("alice");
    assertThat(copy.path("profile").path("name").asText()).isEqualTo("Speaker alice");
    assertThat(copy.path("proposals")).hasSize(1);
    JsonNode proposal = copy.path("proposals").get(0);
    assertThat(proposal.path("code").asText()).isEqualTo("GZ-01");
    assertThat(proposal.path("state").asText()).isEqualTo("submitted");
    assertThat(proposal.path("answers").path("phone").asText()).isEqualTo("+8613800138000");
    assertThat(proposal.path("history")).hasSize(2);
    assertThat(proposal.path("history").get(1).path("to").asText()).isEqualTo("submitted");
    assertThat(Files.readString(file)).doesNotContain("Bob", "files/");
  }

  @Test
  void myData_inAGroup_isNeverAnswered() {
    t.submitSeedTalk("alice", "Alice 的演讲");

    t.send(t.inbound("group-1", new Content.Text("/mydata"), false, false));
    t.send(t.inbound("group-1", new Content.Text("我的数据"), false, false));

    t.awaitDelivered();
    assertThat(sentTo("group-1")).isEmpty();
  }

  @Test
  void forget_deletesTheSpeakersDataAndNothingElse() throws Exception {
    FileRef shared = t.submitSeedTalkWithSlides("bob", "Bob 的演讲", "same slides");
    t.submitSeedTalkWithSlides("alice", "Alice 的演讲", "same slides");
    FileRef own =
        new FileStore(dataDir)
            .store(
                new ByteArrayInputStream(
                    "%PDF-1.4\n% alice only\n".getBytes(StandardCharsets.US_ASCII)),
                "v2.pdf",
                List.of("pdf"),
                1_000_000,
                null)
            .file();
    t.say("alice", "/edit");
    t.say("alice", "/edit slides");
    t.send(
        t.inbound(
            "alice",
            new Content.Attachment("v2.pdf", "application/pdf", own.size(), null, own, null),
            true,
            false));
    // A reply kept for a retry (WeChat's passive reply repeats the answers).
    t.send(t.inbound("alice", new Content.Text("/status"), true, true));
    t.awaitDelivered();
    // A message WeChat held back until the speaker writes again.
    in(
        (Tx tx) -> {
          t.storage
              .outbox()
              .enqueue(
                  tx,
                  "held",
                  RecordingChannel.NAME,
                  "alice",
                  "decision",
                  "{}",
                  t.clock.instant().plus(Duration.ofDays(2)),
                  t.clock.instant());
          return null;
        });
    String aliceId = speaker("alice").orElseThrow().id();
    Submission before = byCode("GZ-02");
    assertThat(in((Tx tx) -> t.storage.answers().pending(tx, before.id())))
        .containsOnlyKeys("slides");

    t.say("alice", "/forget");
    // Its question delivered first: a message still being sent when the speaker confirms stays
    // until it is pruned with the delivered ones (OutboxStore#forgetRecipient), and on a busy
    // machine the question could be, leaving two rows where this test counts one.
    t.awaitDelivered();
    t.say("alice", "确认删除");

    t.awaitDelivered();
    // The speaker: gone, with their conversation.
    assertThat(speaker("alice")).isEmpty();
    assertThat(in((Tx tx) -> t.storage.conversations().find(tx, aliceId))).isEmpty();
    // Their proposal: a tombstone with its code, event and dates, no answers, and its history.
    Submission tomb = byCode("GZ-02");
    assertThat(tomb)
        .isEqualTo(
            new Submission(
                before.id(),
                EVENT,
                null,
                2,
                "GZ-02",
                SubmissionState.DELETED,
                before.createdAt(),
                t.clock.instant(),
                before.submittedAt(),
                null,
                null));
    assertThat(in((Tx tx) -> t.storage.answers().answers(tx, tomb.id(), true))).isEmpty();
    assertThat(in((Tx tx) -> t.storage.answers().pending(tx, tomb.id()))).isEmpty();
    List<HistoryEntry> history = in((Tx tx) -> t.storage.submissions().history(tx, tomb.id()));
    assertThat(history.get(history.size() - 1))
        .isEqualTo(
            new HistoryEntry(
                tomb.id(),
                SubmissionState.SUBMITTED,
                SubmissionState.DELETED,
                "speaker",
                null,
                t.clock.instant()));
    // Messages to them: only the last confirmation is left; what the inbox kept is blank.
    assertThat(
            in((Tx tx) -> t.storage.outbox().listByRecipient(tx, RecordingChannel.NAME, "alice")))
        .extracting(m -> m.kind())
        .containsExactly("reply");
    assertThat(
            in(
                (Tx tx) ->
                    tx.count(
                        "count",
                        "select count(*) from inbox where chat_id = ? and reply is not null",
                        "alice")))
        .isZero();
    assertThat(sentTo("alice").get(sentTo("alice").size() - 1).text())
        .isEqualTo(
            "✅ 你的数据已全部删除，无法恢复。投稿编号 GZ-02 保留为「已删除」，组织者已收到通知（不含你的任何信息）。" + "如果再给我发消息，会作为新用户重新开始。");
    // The organizers: one alert, with the code only.
    assertThat(t.channel.textsTo(ORGS).stream().filter(s -> s.startsWith("🗑")))
        .containsExactly("🗑 一位讲者删除了自己的数据：GZ-02。编号保留，内容已删除。");
    // Files: theirs alone are deleted; the one Bob sent too stays.
    assertThat(dataDir.resolve(own.path())).doesNotExist();
    assertThat(dataDir.resolve(shared.path())).exists();
    // Bob keeps everything.
    assertThat(in((Tx tx) -> t.storage.answers().answers(tx, byCode("GZ-01").id(), false)))
        .containsEntry("slides", Answer.file("slides", shared))
        .hasSize(7);

    // Writing again starts afresh.
    t.say("alice", "/status");
    assertThat(speaker("alice").orElseThrow().id()).isNotEqualTo(aliceId);
    t.awaitDelivered();
    assertThat(t.channel.textsTo("alice").get(t.channel.textsTo("alice").size() - 1))
        .isEqualTo("你还没有投稿。发送「投稿」开始。");
  }

  @Test
  void forget_organizersViews_showTheTombstoneAsDeleted() {
    t.submitSeedTalk("alice", "Alice 的演讲");
    t.submitSeedTalk("bob", "Bob 的演讲");
    t.say("alice", "/forget");
    t.say("alice", "确认删除");
    t.awaitDelivered();
    String org = RecordingChannel.ORGANIZER_ID;

    t.say(org, "/stats");
    t.say(org, "/submissions");
    t.say(org, "/digest");
    t.say(org, "/accept GZ-01");

    t.awaitDelivered();
    List<String> replies = t.channel.textsTo(org);
    assertThat(replies.get(0))
        .isEqualTo(
            "Techparty 广州 · Docker 技术沙龙: 草稿（未提交） 0 · 已提交，等待评选 1 · 已入围 0 · 已接受 0 · 未入选 0 · 已撤回 0 · 已确认参加 0 · 无法参加 0 · 已删除 1");
    assertThat(replies.get(1))
        .isEqualTo("投稿列表（第 1/1 页，共 2 个）：\nGZ-01 — 已删除\nGZ-02 《Bob 的演讲》 — 已提交，等待评选");
    assertThat(replies.get(2))
        .contains("已提交 1 · 入围 0 · 已接受 0 · 未入选 0 · 已撤回 0 · 填写中的草稿 0 · 讲者已删除 1")
        .contains("＋ GZ-01 新投稿\n＋ GZ-02 《Bob 的演讲》 新投稿\n🗑 GZ-01 讲者删除了数据");
    assertThat(replies.get(3)).isEqualTo("GZ-01 现在是「已删除」，不能这样处理。");
  }

  @Test
  void forget_withoutProposals_tellsTheOrganizersNothing() {
    t.say("carol", "/start");
    t.say("carol", "张三");
    t.say("carol", "/forget");
    t.say("carol", "确认删除");

    t.awaitDelivered();
    assertThat(speaker("carol")).isEmpty();
    assertThat(in((Tx tx) -> t.storage.submissions().listDrafts(tx, EVENT))).isEmpty();
    assertThat(t.channel.textsTo(ORGS)).isEmpty();
    assertThat(t.channel.textsTo("carol").get(t.channel.textsTo("carol").size() - 1))
        .isEqualTo("✅ 你的数据已全部删除，无法恢复。如果再给我发消息，会作为新用户重新开始。");
  }
}
