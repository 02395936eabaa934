package dev.cfpbot.organizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.channel.Outbound;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Digests, countdown and closing posts, and draft reminders, each once, at their time. */
@ExtendWith(StorageExtension.class)
class ScheduledWorkTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The seed's submissions close at 2027-10-31 00:00 Shanghai. */
  private static final Instant CLOSES = Instant.parse("2027-10-30T16:00:00Z");

  @TempDir Path dataDir;
  TestBot t;

  @BeforeEach
  void start(Storage storage) {
    t = new TestBot(storage, dataDir);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private List<Outbound> to(String recipient) {
    return t.channel.sent().stream().filter(m -> m.recipient().equals(recipient)).toList();
  }

  /**
   * Runs the schedule at {@code now} and waits until what it queued is delivered (the test's clock
   * jumps, and a jump past an in-flight message's lease would hand it out again).
   */
  private void tickAt(Instant now) {
    t.clock.set(now);
    t.bot.scheduler().tick();
    awaitDelivered();
  }

  private void awaitDelivered() {
    await()
        .atMost(WAIT)
        .until(
            () ->
                t.storage
                        .database()
                        .inTransaction("count", tx -> t.storage.outbox().countUnsent(tx, null))
                    == 0);
  }

  @Test
  void countdown_isPostedOnceWithTheSubmitButton_andLateOnesAreSkipped() {
    tickAt(CLOSES.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(10)));
    tickAt(CLOSES.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(20)));

    assertThat(to("community")).extracting(Outbound::kind).containsExactly("countdown");
    Outbound post = to("community").get(0);
    assertThat(post.kind()).isEqualTo("countdown");
    assertThat(post.text())
        .isEqualTo(
            "⏰ 距离「Techparty 广州 · Docker 技术沙龙」投稿截止还有 2 天 23 小时（2027年10月30日（周六） 23:59"
                + " (Asia/Shanghai, UTC+8)）。还没投稿？点击下方按钮，几分钟就能填完。");
    assertThat(post.choices())
        .extracting(c -> c.command())
        .containsExactly("/start gz-2027-10-docker");
  }

  @Test
  void closing_isPostedAfterTheDeadlineWithTheNumberOfProposals() {
    t.submitSeedTalk("alice", "从零到生产");

    tickAt(CLOSES.plus(Duration.ofMinutes(5)));

    await().atMost(WAIT).until(() -> to("community").size() == 1);
    assertThat(to("community").get(0).text())
        .isEqualTo("📪 「Techparty 广州 · Docker 技术沙龙」的讲者征集已经截止，共收到 1 个投稿。感谢每一位投稿的朋友！");
  }

  @Test
  void reminder_reachesSpeakersWithADraft_onceAndNotThoseWhoTurnedItOff() {
    t.say("bob", "/start");
    t.say("bob", "李四");
    t.say("carol", "/start");
    t.say("carol", "/reminders off");
    t.submitSeedTalk("alice", "从零到生产");
    // A turn's replies leave after it returns: count bob's messages once all of them have.
    awaitDelivered();
    int before = t.channel.textsTo("bob").size();

    tickAt(CLOSES.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
    tickAt(CLOSES.minus(Duration.ofHours(20)));

    await().atMost(WAIT).until(() -> t.channel.textsTo("bob").size() == before + 1);
    assertThat(t.channel.textsTo("bob").get(before))
        .isEqualTo(
            "⏰ 你为「Techparty 广州 · Docker 技术沙龙」填写的投稿还没有提交，截止时间是 2027年10月30日（周六） 23:59"
                + " (Asia/Shanghai, UTC+8)。点「继续」接着填写，或发送 /reminders off 不再提醒。");
    assertThat(to("carol")).extracting(Outbound::kind).doesNotContain("reminder");
    assertThat(to("alice")).extracting(Outbound::kind).doesNotContain("reminder");
  }

  @Test
  void dailyDigest_goesToOrganizersOncePerDay() {
    t.submitSeedTalk("alice", "从零到生产");

    tickAt(Instant.parse("2027-10-21T01:05:00Z"));
    tickAt(Instant.parse("2027-10-21T01:30:00Z"));

    await()
        .atMost(WAIT)
        .until(
            () ->
                to(RecordingChannel.ORGANIZER_CHAT).stream()
                    .anyMatch(m -> m.kind().equals("digest")));
    assertThat(to(RecordingChannel.ORGANIZER_CHAT))
        .filteredOn(m -> m.kind().equals("digest"))
        .hasSize(1);
  }
}
