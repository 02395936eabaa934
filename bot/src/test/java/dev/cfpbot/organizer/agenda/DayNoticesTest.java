package dev.cfpbot.organizer.agenda;

import static dev.cfpbot.testing.RecordingChannel.ORGANIZER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.TestBot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Before the day: the place when it changes, the slides reminder, the morning message. */
@ExtendWith(StorageExtension.class)
class DayNoticesTest {
  @TempDir Path dataDir;
  private Storage storage;
  private TestBot t;

  @BeforeEach
  void publishedAgenda(Storage storage) {
    this.storage = storage;
    t = new TestBot(storage, dataDir);
    t.submitSeedTalk("alice", "从零到生产");
    t.say(ORGANIZER_ID, "/accept GZ-01");
    t.afterDecisionDelay();
    t.awaitDelivered();
    t.say("alice", "确认参加");
    t.say(ORGANIZER_ID, "/agenda publish");
    t.awaitDelivered();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private List<String> aliceAfterTickAt(Instant at) {
    int before = t.channel.textsTo("alice").size();
    t.clock.set(at);
    t.bot.scheduler().tick();
    t.awaitDelivered();
    List<String> all = t.channel.textsTo("alice");
    return all.subList(before, all.size());
  }

  @Test
  void aNewPlaceInTheConfig_isToldToConfirmedSpeakers_once_acrossARestart() throws IOException {
    Instant now = t.clock.instant();
    assertThat(aliceAfterTickAt(now.plus(Duration.ofHours(1)))).isEmpty();
    t.close();
    String moved =
        Files.readString(TestBot.SHIPPED_CONFIG)
            .replace(
                "      zh: 待定\n      en: To be announced",
                "      zh: 天河区 1 号\n      en: 1 Tianhe Road");
    t = new TestBot(ConfigLoader.parse(moved, "test"), storage, dataDir);

    // All that the restarted bot sent, not only what came after the test's tick: the timer's first
    // tick, at start, may be the one that tells (in CI the part after the test's tick was empty).
    aliceAfterTickAt(now.plus(Duration.ofHours(2)));
    assertThat(t.channel.textsTo("alice"))
        .containsExactly("📍 「Techparty 广州 · Docker 技术沙龙」的地点有更新：天河区 1 号");
    t.close();
    t = new TestBot(ConfigLoader.parse(moved, "test"), storage, dataDir);
    aliceAfterTickAt(now.plus(Duration.ofHours(3)));
    assertThat(t.channel.textsTo("alice")).isEmpty();
  }

  @Test
  void slidesReminder_goesOnce_slidesDueBeforeTheEvent_andTheDigestNamesWhoHasNoSlides() {
    assertThat(aliceAfterTickAt(Instant.parse("2027-10-28T04:00:00Z"))).isEmpty();

    assertThat(aliceAfterTickAt(Instant.parse("2027-10-28T05:30:00Z")))
        .containsExactly(
            "📎 「Techparty 广州 · Docker 技术沙龙」将于 2027年10月31日（周日） 13:30 (Asia/Shanghai, UTC+8) 开始，"
                + "我们还没有收到你的幻灯片。请直接把文件发到这里（确认后组织者会收到）。");
    assertThat(aliceAfterTickAt(Instant.parse("2027-10-28T06:30:00Z"))).isEmpty();

    t.say(ORGANIZER_ID, "/digest");
    t.awaitDelivered();
    List<String> org = t.channel.textsTo(ORGANIZER_ID);
    assertThat(org.get(org.size() - 1)).contains("📎 讲者已确认、还没有交幻灯片的演讲（1）：\nGZ-01 《从零到生产》");
  }

  @Test
  void morningOfTheEvent_eachConfirmedSpeakerGetsSlotPlaceAndContact_once() {
    assertThat(aliceAfterTickAt(Instant.parse("2027-10-30T23:30:00Z"))).hasSize(1); // slides

    assertThat(aliceAfterTickAt(Instant.parse("2027-10-31T00:00:00Z")))
        .containsExactly(
            "☀️ 今天见！你的演讲 《从零到生产》在 13:40 开始。\n地点：待定\n有事请联系组织者：cfp@techparty-gz.example");
    assertThat(aliceAfterTickAt(Instant.parse("2027-10-31T01:00:00Z"))).isEmpty();
  }
}
