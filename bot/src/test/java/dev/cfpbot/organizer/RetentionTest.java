package dev.cfpbot.organizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The purge once privacy.retention_days have passed since the event ended, by the scheduler. */
@ExtendWith(StorageExtension.class)
class RetentionTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String EVENT = "gz-2027-10-docker";

  /** The seed event ends at 17:30 Shanghai on 2027-10-31; 180 days later: */
  private static final Instant RETENTION_ENDS = Instant.parse("2028-04-28T09:30:00Z");

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

  /** Runs the schedule at {@code now}, once what was sent before has been delivered. */
  private void tickAt(Instant now) {
    t.awaitDelivered();
    t.clock.set(now);
    t.bot.scheduler().tick();
    t.awaitDelivered();
  }

  private Map<String, Answer> answers(String code) {
    Submission s = in((Tx tx) -> t.storage.submissions().findByCode(tx, code)).orElseThrow();
    return in((Tx tx) -> t.storage.answers().answers(tx, s.id(), true));
  }

  private Instant lastRun() {
    return in((Tx tx) -> t.storage.schedules().lastRun(tx, "privacy-retention")).orElseThrow();
  }

  @Test
  void pastTheEventAndItsRetention_personalDataIsPurged_onceAnHour() throws Exception {
    FileRef accepted = t.submitSeedTalkWithSlides("alice", "被接受的演讲", "alice");
    FileRef rejected = t.submitSeedTalkWithSlides("bob", "没被接受的演讲", "bob");
    t.submitSeedTalk("dave", "撤回的演讲");
    t.say("dave", "/withdraw");
    t.say("dave", "确认");
    t.say("carol", "/start");
    t.say("carol", "张三");
    t.say(RecordingChannel.ORGANIZER_ID, "/accept GZ-01");
    t.say(RecordingChannel.ORGANIZER_ID, "/reject GZ-02");
    t.afterDecisionDelay();

    tickAt(RETENTION_ENDS.minus(Duration.ofMinutes(1)));

    assertThat(answers("GZ-01")).hasSize(7);
    assertThat(dataDir.resolve(accepted.path())).exists();

    tickAt(RETENTION_ENDS.plus(Duration.ofMinutes(35)));

    assertThat(answers("GZ-01"))
        .containsOnly(
            Map.entry("name", Answer.text("name", "张三")),
            Map.entry("title", Answer.text("title", "被接受的演讲")),
            Map.entry(
                "abstract", Answer.text("abstract", "介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。")));
    assertThat(answers("GZ-02")).isEmpty();
    assertThat(answers("GZ-03")).isEmpty();
    assertThat(in((Tx tx) -> t.storage.submissions().listDrafts(tx, EVENT))).isEmpty();
    assertThat(dataDir.resolve(accepted.path())).doesNotExist();
    assertThat(dataDir.resolve(rejected.path())).doesNotExist();
    // The copies of what was said: delivered messages and handled-message records are gone too.
    assertThat(in((Tx tx) -> tx.count("count", "select count(*) from outbox"))).isZero();
    assertThat(in((Tx tx) -> tx.count("count", "select count(*) from inbox"))).isZero();
    assertThat(lastRun()).isEqualTo(RETENTION_ENDS.plus(Duration.ofMinutes(35)));

    // Once an hour: the claim for 10:00 is taken, the next is at 11:00.
    tickAt(RETENTION_ENDS.plus(Duration.ofMinutes(50)));
    assertThat(lastRun()).isEqualTo(RETENTION_ENDS.plus(Duration.ofMinutes(35)));
    tickAt(RETENTION_ENDS.plus(Duration.ofMinutes(95)));
    assertThat(lastRun()).isEqualTo(RETENTION_ENDS.plus(Duration.ofMinutes(95)));
    assertThat(answers("GZ-01")).containsOnlyKeys("name", "title", "abstract");

    // Speakers still see what is left, and organizers still count every proposal.
    t.say(RecordingChannel.ORGANIZER_ID, "/stats");
    await().atMost(WAIT).until(() -> !t.channel.textsTo(RecordingChannel.ORGANIZER_ID).isEmpty());
    List<String> org = t.channel.textsTo(RecordingChannel.ORGANIZER_ID);
    assertThat(org.get(org.size() - 1))
        .isEqualTo(
            "Techparty 广州 · Docker 技术沙龙: 草稿（未提交） 0 · 已提交，等待评选 0 · 已入围 0 · 已接受 1 ·"
                + " 未入选 1 · 已撤回 1 · 已确认参加 0 · 无法参加 0 · 已删除 0");
  }

  @Test
  void beforeTheEventEnds_nothingIsPurged_butOldDeliveriesAre() {
    t.submitSeedTalk("alice", "演讲");

    tickAt(Instant.parse("2027-11-25T00:00:00Z"));

    assertThat(answers("GZ-01")).hasSize(6);
    assertThat(in((Tx tx) -> tx.count("count", "select count(*) from outbox"))).isZero();
    assertThat(in((Tx tx) -> tx.count("count", "select count(*) from inbox"))).isZero();
  }
}
