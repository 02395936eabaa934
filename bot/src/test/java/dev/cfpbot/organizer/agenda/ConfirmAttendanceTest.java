package dev.cfpbot.organizer.agenda;

import static dev.cfpbot.testing.RecordingChannel.ORGANIZER_CHAT;
import static dev.cfpbot.testing.RecordingChannel.ORGANIZER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfpbot.channel.Outbound;
import dev.cfpbot.conversation.ButtonKeys;
import dev.cfpbot.conversation.Choice;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An accepted speaker confirms or declines their talk, through the real bot. */
@ExtendWith(StorageExtension.class)
class ConfirmAttendanceTest {
  static final String QUESTION = "你会来分享吗？请回复「确认参加」或「无法参加」。";

  @TempDir Path dataDir;
  private TestBot t;

  @BeforeEach
  void accepted(Storage storage) {
    t = new TestBot(storage, dataDir);
    t.submitSeedTalk("alice", "从零到生产");
    t.say(ORGANIZER_ID, "/accept GZ-01");
    t.afterDecisionDelay();
    t.awaitDelivered();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private <T> T in(Function<Tx, T> work) {
    return t.storage.database().inTransaction("test", work);
  }

  private Submission gz01() {
    return in(tx -> t.storage.submissions().findByCode(tx, "GZ-01")).orElseThrow();
  }

  private List<HistoryEntry> history() {
    String id = gz01().id();
    return in(tx -> t.storage.submissions().history(tx, id));
  }

  private String last(String chat) {
    List<String> all = t.channel.textsTo(chat);
    return all.get(all.size() - 1);
  }

  private String say(String text) {
    t.say("alice", text);
    t.awaitDelivered();
    return last("alice");
  }

  @Test
  void acceptance_asksWhetherTheSpeakerComes_withButtonsKeyedToTheTalk() {
    Outbound acceptance =
        t.channel.sent().stream()
            .filter(o -> o.recipient().equals("alice") && o.kind().equals("decision"))
            .findFirst()
            .orElseThrow();

    assertThat(acceptance.text()).endsWith("\n\n" + QUESTION);
    assertThat(acceptance.choices())
        .containsExactly(new Choice("确认参加", "/attend GZ-01"), new Choice("无法参加", "/decline GZ-01"));
    assertThat(acceptance.buttonKey()).isEqualTo(ButtonKeys.ofTalk("GZ-01"));
  }

  @Test
  void confirmWord_confirmsTheTalk_throughTheLifecycle_andTellsTheOrganizers() {
    assertThat(say("确认参加"))
        .isEqualTo("🙌 谢谢！已确认你会在「Techparty 广州 · Docker 技术沙龙」分享 GZ-01 《从零到生产》。议程公布后会告诉你的时间段。");

    assertThat(gz01().state()).isEqualTo(SubmissionState.CONFIRMED);
    assertThat(last(ORGANIZER_CHAT))
        .isEqualTo("🙌 GZ-01 《从零到生产》：讲者确认参加 · Techparty 广州 · Docker 技术沙龙");
    assertThat(history())
        .extracting(HistoryEntry::from, HistoryEntry::to, HistoryEntry::actor)
        .endsWith(tuple(SubmissionState.ACCEPTED, SubmissionState.CONFIRMED, "speaker"));
    assertThat(say("确认参加")).isEqualTo("你已经确认参加 GZ-01 《从零到生产》，谢谢！");
  }

  @Test
  void englishWords_confirmToo() {
    say("I'll be there");

    assertThat(gz01().state()).isEqualTo(SubmissionState.CONFIRMED);
  }

  @Test
  void theAcceptancesButton_confirms_whateverTheConversationIsAsking_butAForgedKeyDoesNot() {
    t.send(t.inbound("alice", new Content.Pressed("AAAAAAAA", "/attend GZ-01"), true, false));
    t.awaitDelivered();
    assertThat(gz01().state()).isEqualTo(SubmissionState.ACCEPTED);

    say("/start");
    t.send(
        t.inbound(
            "alice",
            new Content.Pressed(ButtonKeys.ofTalk("GZ-01"), "/attend GZ-01"),
            true,
            false));
    t.awaitDelivered();

    assertThat(gz01().state()).isEqualTo(SubmissionState.CONFIRMED);
  }

  @Test
  void decline_asksFirst_takesTheReply_asTheReason_andAlertsTheOrganizersAtOnce() {
    assertThat(say("无法参加"))
        .isEqualTo(
            "确定无法分享 GZ-01 《从零到生产》吗？这不能撤销。可以直接回复原因（最多 500 字，只有组织者看得到），"
                + "或回复「确认」不写原因；回复「取消」保留这个演讲。");
    assertThat(gz01().state()).isEqualTo(SubmissionState.ACCEPTED);

    assertThat(say("那天要出差"))
        .isEqualTo("已告诉组织者你无法分享 GZ-01 《从零到生产》。谢谢你告诉我们，期待下次再见！有问题可以联系：cfp@techparty-gz.example");

    assertThat(gz01().state()).isEqualTo(SubmissionState.DECLINED);
    assertThat(last(ORGANIZER_CHAT))
        .isEqualTo(
            "🚫 GZ-01 《从零到生产》：讲者无法参加 · Techparty 广州 · Docker 技术沙龙\n"
                + "原因：那天要出差\n"
                + "⚠️ 这是已接受的演讲，距离活动开始还有 11 天 1 小时：议程中它的位置空出来了。");
    assertThat(history())
        .extracting(HistoryEntry::to, HistoryEntry::note)
        .endsWith(tuple(SubmissionState.DECLINED, "那天要出差"));
  }

  @Test
  void decline_cancelled_keepsTheTalk() {
    say("无法参加");

    assertThat(say("取消")).isEqualTo("好的，GZ-01 《从零到生产》 保留不变。");
    assertThat(gz01().state()).isEqualTo(SubmissionState.ACCEPTED);
  }

  @Test
  void aConfirmedSpeaker_mayStillWithdraw_andTheOrganizersHearTheTimeLeft() {
    say("确认参加");

    say("撤回");
    say("确认");

    assertThat(gz01().state()).isEqualTo(SubmissionState.WITHDRAWN);
    assertThat(last(ORGANIZER_CHAT))
        .isEqualTo(
            "↩️ GZ-01 《从零到生产》已被讲者撤回 · Techparty 广州 · Docker 技术沙龙\n"
                + "⚠️ 这是已接受的演讲，距离活动开始还有 11 天 1 小时：议程中它的位置空出来了。");
  }

  @Test
  void anUnansweredAcceptance_getsOneReminder_afterConfirmReminder() {
    int before = t.channel.textsTo("alice").size();
    t.clock.set(t.clock.instant().plus(Duration.ofDays(3)).minus(Duration.ofMinutes(1)));
    t.bot.scheduler().tick();
    t.awaitDelivered();
    assertThat(t.channel.textsTo("alice")).hasSize(before);

    t.clock.set(t.clock.instant().plus(Duration.ofMinutes(1)));
    t.bot.scheduler().tick();
    t.awaitDelivered();
    t.clock.set(t.clock.instant().plus(Duration.ofHours(1)));
    t.bot.scheduler().tick();
    t.awaitDelivered();

    assertThat(t.channel.textsTo("alice")).hasSize(before + 1);
    Outbound reminder = t.channel.sent().get(t.channel.sent().size() - 1);
    assertThat(reminder.text())
        .isEqualTo(
            "⏰ 你的演讲 GZ-01 《从零到生产》已被「Techparty 广州 · Docker 技术沙龙」接受，还没有收到你的回复："
                + "你会来分享吗？请回复「确认参加」或「无法参加」。");
    assertThat(reminder.buttonKey()).isEqualTo(ButtonKeys.ofTalk("GZ-01"));
  }

  @Test
  void aConfirmedSpeaker_getsNoReminder() {
    say("确认参加");
    int before = t.channel.textsTo("alice").size();

    t.clock.set(t.clock.instant().plus(Duration.ofDays(4)));
    t.bot.scheduler().tick();
    t.awaitDelivered();

    assertThat(t.channel.textsTo("alice")).hasSize(before);
  }

  @Test
  void digest_listsTheAcceptedTalksNotYetConfirmed() {
    t.say(ORGANIZER_ID, "/digest");
    t.awaitDelivered();

    assertThat(last(ORGANIZER_ID)).contains("\n\n⏳ 已接受、讲者还没有确认参加的演讲（1）：\nGZ-01 《从零到生产》\n\n");

    say("确认参加");
    t.say(ORGANIZER_ID, "/digest");
    t.awaitDelivered();
    assertThat(last(ORGANIZER_ID)).doesNotContain("还没有确认参加");
  }

  @Test
  void theReasonForDeclining_goesWhenTheSpeakerIsForgotten() {
    say("无法参加");
    say("那天要出差");

    say("删除我的数据");
    say("确认删除");

    assertThat(history()).extracting(HistoryEntry::note).doesNotContain("那天要出差");
  }

  @Test
  void theReasonForDeclining_goesWithTheRetentionPurge() {
    say("无法参加");
    say("那天要出差");

    t.clock.set(Instant.parse("2028-05-01T00:00:00Z"));
    t.bot.scheduler().tick();

    assertThat(history()).extracting(HistoryEntry::note).doesNotContain("那天要出差");
  }

  @Test
  void twoAcceptedTalks_confirmAsksWhich_andTheCodeSettlesIt() {
    t.submitSeedTalk("alice", "第二个演讲");
    t.say(ORGANIZER_ID, "/accept GZ-02");
    t.afterDecisionDelay();
    t.awaitDelivered();

    assertThat(say("确认参加"))
        .isEqualTo("要确认参加哪一个演讲？请回复 /attend 加编号，例如 /attend GZ-07：\nGZ-01 《从零到生产》\nGZ-02 《第二个演讲》");
    say("/attend GZ-02");

    assertThat(in(tx -> t.storage.submissions().findByCode(tx, "GZ-02")).orElseThrow().state())
        .isEqualTo(SubmissionState.CONFIRMED);
    assertThat(gz01().state()).isEqualTo(SubmissionState.ACCEPTED);
  }
}
