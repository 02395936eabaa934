package dev.cfpbot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Outbound;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The real bot, from inbound message to delivered replies, over a fresh H2 per test. */
@ExtendWith(StorageExtension.class)
class BotTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ORGS = RecordingChannel.ORGANIZER_CHAT;

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

  private List<String> to(String chat) {
    return t.channel.textsTo(chat);
  }

  private Submission only() {
    return t.storage
        .database()
        .inTransaction(
            "read", tx -> t.storage.submissions().listSubmitted(tx, "gz-2027-10-docker").get(0));
  }

  @Test
  void submission_sendsReceiptToSpeakerAndOneAlertToOrganizers() {
    t.submitSeedTalk("alice", "从零到生产");

    await().atMost(WAIT).until(() -> to(ORGS).size() == 1);
    List<String> replies = to("alice");
    // The call with the first question, six questions, the summary, the receipt.
    assertThat(replies).hasSize(9);
    assertThat(replies.get(replies.size() - 1))
        .startsWith("✅ 投稿成功！编号 GZ-01\n《从零到生产》已提交给组织者")
        .contains("\n\n姓名：张三\n")
        .contains("\n联系电话：+8613800138000\n")
        .endsWith("演讲稿：（未填写）");
    assertThat(to(ORGS).get(0))
        .startsWith("📥 新投稿 GZ-01 · Techparty 广州 · Docker 技术沙龙\n来自 Speaker alice（test）")
        .contains("演讲主题：从零到生产");
    Outbound alert =
        t.channel.sent().stream().filter(m -> m.recipient().equals(ORGS)).findFirst().orElseThrow();
    assertThat(alert.choices())
        .extracting(c -> c.command())
        .containsExactly(
            "/accept GZ-01",
            "/shortlist GZ-01",
            "/reject GZ-01",
            "/score GZ-01 -1",
            "/score GZ-01 0",
            "/score GZ-01 +1",
            "/score GZ-01 +2",
            "/review");
    assertThat(to(ORGS).get(0)).endsWith("\n\n评分：/score GZ-01 +1 [评语] · 评审板：/review");
    assertThat(only().state()).isEqualTo(SubmissionState.SUBMITTED);
    assertThat(only().code()).isEqualTo("GZ-01");
  }

  @Test
  void sameMessageTwice_isHandledOnce() {
    var first = t.inbound("bob", new Content.Text("/start"), true, false);

    HandleResult a = t.send(first);
    HandleResult b = t.send(first);

    assertThat(a.duplicate()).isFalse();
    assertThat(b.duplicate()).isTrue();
    await().atMost(WAIT).until(() -> to("bob").size() == 1);
    long outboxRows =
        t.storage
            .database()
            .inTransaction(
                "count",
                tx ->
                    t.storage.outbox().countUnsent(tx, null)
                        + t.storage.outbox().listByRecipient(tx, "test", "bob").size());
    assertThat(outboxRows).isEqualTo(1);
  }

  @Test
  void inlineReply_isReturnedAndRepeatedForARetry() {
    var in = t.inbound("carol", new Content.Text("/help"), true, true);

    HandleResult first = t.send(in);
    HandleResult retry = t.send(in);

    String help = t.messages.text(Lang.ZH, "help");
    assertThat(first.inlineReply()).isEqualTo(help);
    assertThat(retry.inlineReply()).isEqualTo(help);
    assertThat(retry.duplicate()).isTrue();
    assertThat(to("carol")).isEmpty();
  }

  @Test
  void groupChat_startPointsToThePrivateChatAndOtherTalkIsIgnored() {
    t.send(t.inbound("group-1", new Content.Text("/start@cfp_bot"), false, false));
    t.send(t.inbound("group-1", new Content.Text("大家好"), false, false));

    await().atMost(WAIT).until(() -> to("group-1").size() == 1);
    assertThat(to("group-1")).containsExactly("请私聊我来投稿：https://t.me/cfp_bot");
  }

  @Test
  void organizerCommand_fromAStranger_isRefused() {
    t.say("mallory", "/digest");

    await().atMost(WAIT).until(() -> to("mallory").size() == 1);
    assertThat(to("mallory")).containsExactly(t.messages.text(Lang.ZH, "organizer.refused"));
    assertThat(to(ORGS)).isEmpty();
  }

  @Test
  void accept_byOrganizer_tellsTheSpeakerAndTheOrganizers() {
    t.submitSeedTalk("alice", "从零到生产");

    t.say(RecordingChannel.ORGANIZER_ID, "/accept GZ-01 欢迎！");

    await().atMost(WAIT).until(() -> to(ORGS).size() == 2);
    assertThat(to(ORGS).get(1))
        .isEqualTo(
            "🗳 GZ-01 《从零到生产》 → 已接受（test:org-1）欢迎！\n"
                + "⏳ 将于 12:10 通知讲者；在此之前任何组织者都可以更改，或发送 /undo GZ-01 撤销。");
    assertThat(only().state()).isEqualTo(SubmissionState.ACCEPTED);
    assertThat(to("alice")).hasSize(9);

    t.afterDecisionDelay();
    await().atMost(WAIT).until(() -> to("alice").size() == 10);
    assertThat(to("alice").get(9))
        .isEqualTo(
            "🎉 恭喜！你的投稿 GZ-01 《从零到生产》已被「Techparty 广州 · Docker 技术沙龙」接受，组织者会联系你确认细节。有问题可以联系：cfp@techparty-gz.example"
                + "\n\n组织者附言：欢迎！"
                + "\n\n你会来分享吗？请回复「确认参加」或「无法参加」。");
    assertThat(only().state()).isEqualTo(SubmissionState.ACCEPTED);
  }

  @Test
  void digest_countsSubmissionsAndDrafts() {
    t.submitSeedTalk("alice", "从零到生产");
    t.say("bob", "/start");

    t.say(RecordingChannel.ORGANIZER_ID, "/digest");

    await().atMost(WAIT).until(() -> to(RecordingChannel.ORGANIZER_ID).size() == 1);
    String digest = to(RecordingChannel.ORGANIZER_ID).get(0);
    assertThat(digest)
        .startsWith(
            "📊 投稿汇总 · Techparty 广州 · Docker 技术沙龙\n距离截止还有 10 天 12 小时（2027年10月30日（周六） 23:59 (Asia/Shanghai, UTC+8)）")
        .contains("已提交 1 · 入围 0 · 已接受 0 · 未入选 0 · 已撤回 0 · 填写中的草稿 1")
        .contains("自征集开始以来：\n＋ GZ-01 《从零到生产》 新投稿");
  }

  @Test
  void failedSend_isRecordedAndReportedToOrganizers() {
    t.channel.script(m -> new dev.cfpbot.channel.SendResult.Failed("chat not found"));

    t.say("dave", "/help");

    await().atMost(WAIT).until(() -> to(ORGS).size() == 1);
    assertThat(to(ORGS).get(0)).isEqualTo("⚠️ 一条消息（reply，test）发送失败：chat not found");
    assertThat(to("dave")).isEmpty();
  }

  @Test
  void retryAfter_isHonouredAndOrderIsKept() {
    t.channel.script(m -> new dev.cfpbot.channel.SendResult.Retry(Duration.ofSeconds(5), "429"));

    t.say("erin", "/start");

    await()
        .atMost(WAIT)
        .until(
            () ->
                t.storage
                        .database()
                        .inTransaction("count", tx -> t.storage.outbox().countUnsent(tx, "test"))
                    == 1);
    assertThat(to("erin")).isEmpty();
    t.clock.set(t.clock.instant().plusSeconds(6));
    t.bot.sender().wake();
    await().atMost(WAIT).until(() -> to("erin").size() == 1);
    // The call and the first question: one message.
    assertThat(to("erin").get(0))
        .startsWith("📣 Techparty 广州 · Docker 技术沙龙")
        .contains("\n\n(1/7) ");
  }
}
