package dev.cfpbot.organizer.review;

import static dev.cfpbot.testing.RecordingChannel.ORGANIZER_CHAT;
import static dev.cfpbot.testing.RecordingChannel.ORGANIZER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.DecisionNotice;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.TestBot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Decisions with a safety net, through the organizer commands of the real bot. */
@ExtendWith(StorageExtension.class)
class DecisionsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  static final String ACCEPTED_TEXT =
      "🎉 恭喜！你的投稿 GZ-01 《从零到生产》已被「Techparty 广州 · Docker 技术沙龙」接受，组织者会联系你确认细节。"
          + "有问题可以联系：cfp@techparty-gz.example"
          + "\n\n你会来分享吗？请回复「确认参加」或「无法参加」。";

  @TempDir Path dataDir;
  private Storage storage;
  private TestBot t;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
  }

  /** The shipped config, with {@code botLines} added to its {@code bot} section. */
  private TestBot start(String botLines) throws IOException {
    String text =
        Files.readString(TestBot.SHIPPED_CONFIG)
            .replace("  digest_time: \"09:00\"", "  digest_time: \"09:00\"\n" + botLines);
    t = new TestBot(ConfigLoader.parse(text, "test"), storage, dataDir);
    t.submitSeedTalk("alice", "从零到生产");
    t.awaitDelivered();
    return t;
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private List<String> organizer(String text) {
    int before = t.channel.textsTo(ORGANIZER_ID).size();
    t.say(ORGANIZER_ID, text);
    t.awaitDelivered();
    List<String> all = t.channel.textsTo(ORGANIZER_ID);
    return all.subList(before, all.size());
  }

  private List<String> alice() {
    return t.channel.textsTo("alice");
  }

  private String lastAlert() {
    List<String> all = t.channel.textsTo(ORGANIZER_CHAT);
    return all.get(all.size() - 1);
  }

  private <T> T in(Function<Tx, T> work) {
    return t.storage.database().inTransaction("test", work);
  }

  private Submission gz01() {
    return in(tx -> t.storage.submissions().findByCode(tx, "GZ-01")).orElseThrow();
  }

  private void passDelay() {
    t.afterDecisionDelay();
    t.awaitDelivered();
  }

  @Test
  void accept_isRecordedAtOnce_andReachesTheSpeakerOnlyAfterTheDelay_once() throws IOException {
    start("");

    organizer("/accept GZ-01");

    assertThat(gz01().state()).isEqualTo(SubmissionState.ACCEPTED);
    assertThat(alice()).hasSize(9);
    t.clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofMinutes(9)));
    t.awaitDelivered();
    assertThat(alice()).hasSize(9);

    passDelay();
    await().atMost(WAIT).until(() -> alice().size() == 10);
    assertThat(alice().get(9)).isEqualTo(ACCEPTED_TEXT);
    t.clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofHours(1)));
    t.awaitDelivered();
    assertThat(alice()).hasSize(10);
  }

  @Test
  void undo_withinTheDelay_takesTheMessageBack_andTheProposalIsUndecidedAgain() throws IOException {
    start("");
    organizer("/accept GZ-01 欢迎！");

    assertThat(organizer("/undo GZ-01")).isEmpty();

    assertThat(lastAlert())
        .isEqualTo("↩️ GZ-01 《从零到生产》的决定已被撤销（test:org-1），恢复为「已提交，等待评选」；讲者不会收到那条通知。");
    assertThat(gz01().state()).isEqualTo(SubmissionState.SUBMITTED);
    assertThat(gz01().decidedAt()).isNull();
    assertThat(in((Tx tx) -> t.storage.outbox().countUnsent(tx, null))).isZero();
    passDelay();
    assertThat(alice()).hasSize(9);
    assertThat(in((Tx tx) -> t.storage.submissions().history(tx, gz01().id())))
        .extracting(HistoryEntry::from, HistoryEntry::to, HistoryEntry::note)
        .endsWith(
            org.assertj.core.api.Assertions.tuple(
                SubmissionState.SUBMITTED, SubmissionState.ACCEPTED, "欢迎！"),
            org.assertj.core.api.Assertions.tuple(
                SubmissionState.ACCEPTED, SubmissionState.SUBMITTED, "undone"));
  }

  @Test
  void changeWithinTheDelay_onlyTheLastDecisionReachesTheSpeaker() throws IOException {
    start("");
    organizer("/accept GZ-01");
    t.clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofMinutes(5)));

    organizer("/reject GZ-01");
    assertThat(lastAlert()).endsWith("⏳ 将于 12:15 通知讲者；在此之前任何组织者都可以更改，或发送 /undo GZ-01 撤销。");
    t.clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofMinutes(11)));
    t.awaitDelivered();
    assertThat(alice()).hasSize(9);

    t.clock.set(TestBot.BEFORE_DEADLINE.plus(Duration.ofMinutes(15)));
    t.awaitDelivered();
    await().atMost(WAIT).until(() -> alice().size() == 10);
    assertThat(alice().get(9)).startsWith("感谢你为「Techparty 广州 · Docker 技术沙龙」投稿 GZ-01");

    // Undo after a change returns to where it started: undecided.
    assertThat(organizer("/undo GZ-01"))
        .containsExactly("GZ-01 的通知已经发给讲者了，不能撤销。要更改，请直接作出新的决定（需要确认，讲者会收到更正）。");
  }

  @Test
  void changingWhatTheSpeakerWasTold_needsConfirming_thenSendsACorrectionInTheirLanguage()
      throws IOException {
    start("");
    t.say("alice", "/lang en");
    organizer("/accept GZ-01");
    passDelay();
    await().atMost(WAIT).until(() -> alice().size() == 11);

    assertThat(organizer("/reject GZ-01 不好意思"))
        .containsExactly(
            "GZ-01 的讲者已经收到「已接受」的通知。要改为「未入选」并给讲者发送更正（两条消息都会留在这个投稿的记录里），"
                + "请发送 /reject GZ-01 confirm [附言]。");
    assertThat(gz01().state()).isEqualTo(SubmissionState.ACCEPTED);

    organizer("/reject GZ-01 confirm Sorry, we mixed up two talks.");
    assertThat(lastAlert()).endsWith("⏳ 将于 12:20 给讲者发送更正；在此之前可以发送 /undo GZ-01 撤销。");
    passDelay();
    await().atMost(WAIT).until(() -> alice().size() == 12);

    assertThat(alice().get(11))
        .isEqualTo(
            "⚠️ A correction: the earlier message about GZ-01 was wrong; this one stands.\n\n"
                + "Thank you for submitting GZ-01 “从零到生产” to Techparty Guangzhou · Docker Salon."
                + " Unfortunately it was not selected this time; we hope to hear from you again!"
                + "\n\nA note from the organizers: Sorry, we mixed up two talks.");
    assertThat(in((Tx tx) -> t.storage.decisionNotices().of(tx, gz01().id())))
        .extracting(DecisionNotice::state, DecisionNotice::correction, DecisionNotice::told)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(SubmissionState.ACCEPTED, false, true),
            org.assertj.core.api.Assertions.tuple(SubmissionState.REJECTED, true, true));
  }

  @Test
  void shortlisting_tellsTheSpeakerNothing_andCanBeUndoneUntilTheDelayIsOver() throws IOException {
    start("");

    organizer("/shortlist GZ-01");
    assertThat(lastAlert()).endsWith("🤫 入围不通知讲者；12:10 前可以发送 /undo GZ-01 撤销。");
    passDelay();

    assertThat(alice()).hasSize(9);
    assertThat(organizer("/undo GZ-01")).containsExactly("GZ-01 没有可以撤销的决定。");
    assertThat(gz01().state()).isEqualTo(SubmissionState.SHORTLISTED);
  }

  @Test
  void shortlisting_tellsTheSpeaker_whenTheConfigSaysSo() throws IOException {
    start("  tell_shortlisted: true");

    organizer("/shortlist GZ-01");
    passDelay();

    await().atMost(WAIT).until(() -> alice().size() == 10);
    assertThat(alice().get(9)).startsWith("好消息！你的投稿 GZ-01 《从零到生产》已进入");
  }

  @Test
  void withdrawal_withinTheDelay_dropsTheWaitingDecision() throws IOException {
    start("");
    organizer("/accept GZ-01");

    t.say("alice", "/withdraw");
    t.say("alice", "确认");
    passDelay();

    assertThat(alice()).noneMatch(text -> text.startsWith("🎉"));
    assertThat(gz01().state()).isEqualTo(SubmissionState.WITHDRAWN);
  }

  @Test
  void waitingDecision_holdsBackNoReplyToTheSpeaker() throws IOException {
    start("");
    organizer("/accept GZ-01");

    t.say("alice", "/status");
    t.awaitDelivered();

    assertThat(alice()).hasSize(10);
    assertThat(alice().get(9)).contains("GZ-01 《从零到生产》 — 已接受");
  }

  @Test
  void repeatedOrUnknownDecisions_getAClearAnswer() throws IOException {
    start("");

    assertThat(organizer("/accept")).containsExactly("用法：/accept 编号 [附言] — 接受（会通知讲者）");
    assertThat(organizer("/accept GZ-99"))
        .containsExactly("没有编号为 GZ-99 的投稿。\n用法：/accept 编号 [附言] — 接受（会通知讲者）");
    assertThat(organizer("/undo")).containsExactly("用法：/undo 编号 — 在讲者收到通知前撤销决定");
    organizer("/accept GZ-01");
    assertThat(organizer("/accept GZ-01")).containsExactly("GZ-01 已经是「已接受」了。");
    assertThat(organizer("/reject GZ-01 " + "长".repeat(1001))).containsExactly("附言太长了：最多 1000 个字。");
  }
}
