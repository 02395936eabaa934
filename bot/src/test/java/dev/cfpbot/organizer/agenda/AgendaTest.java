package dev.cfpbot.organizer.agenda;

import static dev.cfpbot.testing.RecordingChannel.ORGANIZER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.channel.Outbound;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** /agenda: the confirmed talks in the programme's slots, previewed, ordered and published. */
@ExtendWith(StorageExtension.class)
class AgendaTest {
  static final String HEADER =
      "📅 议程 · Techparty 广州 · Docker 技术沙龙\n2027年10月31日（周日） 13:30–17:30 (Asia/Shanghai, UTC+8)\n地点：待定\n\n";

  @TempDir Path dataDir;
  private TestBot t;

  @BeforeEach
  void threeConfirmedTalks(Storage storage) {
    t = new TestBot(storage, dataDir);
    t.submitSeedTalk("alice", "从零到生产");
    t.submitSeedTalk("bob", "镜像安全");
    t.submitSeedTalk("carol", "集群调度");
    for (String code : List.of("GZ-01", "GZ-02", "GZ-03")) {
      t.say(ORGANIZER_ID, "/accept " + code);
    }
    t.say(ORGANIZER_ID, "/score GZ-02 +2");
    t.afterDecisionDelay();
    t.awaitDelivered();
    for (String chat : List.of("alice", "bob", "carol")) {
      t.say(chat, "确认参加");
    }
    t.awaitDelivered();
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

  private List<Outbound> sentTo(String chat, String kind) {
    return t.channel.sent().stream()
        .filter(o -> o.recipient().equals(chat) && o.kind().equals(kind))
        .toList();
  }

  @Test
  void agenda_previewsTheConfirmedTalks_bestScoreFirst_asTheCommunityWillSeeThem() {
    List<String> replies = organizer("/agenda");

    assertThat(replies.get(0))
        .isEqualTo(
            HEADER
                + "13:30 开场 Opening\n"
                + "13:40 《镜像安全》 — 张三\n"
                + "14:20 《从零到生产》 — 张三\n"
                + "15:00 《集群调度》 — 张三\n"
                + "15:40 茶歇 Break\n"
                + "16:00 （待定）\n"
                + "16:40 （待定）\n"
                + "17:20 合影 Photo");
    assertThat(replies.get(1))
        .startsWith(
            "↑ 以上是社区将看到的议程（按评分排序，或按组织者的调整）。演讲时段：\n"
                + "1. 13:40 GZ-02 《镜像安全》 — 张三\n"
                + "2. 14:20 GZ-01 《从零到生产》 — 张三\n"
                + "3. 15:00 GZ-03 《集群调度》 — 张三\n"
                + "4. 16:00 （待定）\n"
                + "5. 16:40 （待定）\n"
                + "调整顺序：");
    assertThat(sentTo("community", "announcement")).isEmpty();
  }

  @Test
  void move_putsTheTalkInTheSlotNamed_theOthersKeepTheirOrder() {
    List<String> replies = organizer("/agenda move GZ-03 1");

    assertThat(replies.get(0))
        .contains("13:40 《集群调度》 — 张三\n14:20 《镜像安全》 — 张三\n15:00 《从零到生产》 — 张三\n");
  }

  @Test
  void move_ofATalkNotConfirmed_isRefused() {
    t.say("carol", "无法参加");
    t.say("carol", "确认");

    assertThat(organizer("/agenda move GZ-03 1"))
        .containsExactly("GZ-03 的讲者还没有确认参加（现在：无法参加），不能排进议程。");
  }

  @Test
  void publish_postsToTheCommunity_tellsEachSpeakerTheirSlot_withACalendarFile() throws Exception {
    List<String> replies = organizer("/agenda publish");

    assertThat(replies).containsExactly("✅ 议程已发布（第 1 版）：test；已通知 3 位讲者他们的时段。");
    List<Outbound> posts = sentTo("community", "announcement");
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).text()).startsWith(HEADER + "13:30 开场 Opening\n13:40 《镜像安全》 — 张三\n");
    Outbound slot = sentTo("bob", "agenda-slot").get(0);
    assertThat(slot.text())
        .isEqualTo(
            "📅 「Techparty 广州 · Docker 技术沙龙」的议程已公布：你的演讲 《镜像安全》安排在 2027年10月31日（周日）"
                + " 13:40–14:20 (Asia/Shanghai, UTC+8)。\n地点：待定\n附上日历文件，可以加到你的日历里。");
    assertThat(slot.file().name()).isEqualTo("GZ-02.ics");
    Path ics = dataDir.resolve(slot.file().path());
    assertThat(Files.readString(ics)).contains("DTSTART;TZID=Asia/Shanghai:20271031T134000\r\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ics)))
        .isEqualTo("rw-------");
  }

  @Test
  void aLaterPublish_saysWhatChanged_andADeclineFreesItsSlot() {
    organizer("/agenda publish");
    t.say("bob", "无法参加");
    t.say("bob", "确认");
    organizer("/agenda move GZ-03 1");

    assertThat(organizer("/agenda publish")).containsExactly("✅ 议程已发布（第 2 版）：test；已通知 2 位讲者他们的时段。");

    List<Outbound> updates = sentTo("community", "announcement-update");
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).text())
        .startsWith(
            "🔄 议程有更新 · Techparty 广州 · Docker 技术沙龙\n"
                + "🕐 《集群调度》 — 张三：15:00 → 13:40\n"
                + "🕐 《从零到生产》 — 张三：14:20 → 15:00\n"
                + "✖ 《镜像安全》 — 张三 取消\n\n"
                + HEADER
                + "13:30 开场 Opening\n"
                + "13:40 《集群调度》 — 张三\n"
                + "14:20 （待定）\n"
                + "15:00 《从零到生产》 — 张三\n");
    assertThat(organizer("/agenda publish")).containsExactly("议程和上次发布的一样，没有再发。");
  }
}
