package dev.cfpbot.organizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.channel.Outbound;
import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.conversation.Choice;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
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

/**
 * The shipped call set to open on 2027-10-25 10:00, seen on 2027-10-20: the organizers' digest
 * reports it as opening, and they can announce it ahead; its button answers with the opening time
 * until then, and starts the form after.
 */
@ExtendWith(StorageExtension.class)
class UpcomingCallOrganizerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ORG = RecordingChannel.ORGANIZER_ID;
  private static final String OPENS = "2027年10月25日（周一） 10:00 (Asia/Shanghai, UTC+8)";
  private static final String DEADLINE = "2027年10月30日（周六） 23:59 (Asia/Shanghai, UTC+8)";
  private static final String EVENT = "gz-2027-10-docker";

  @TempDir Path dataDir;
  private Storage storage;
  private TestBot t;

  @BeforeEach
  void start(Storage storage) throws Exception {
    this.storage = storage;
    String yaml =
        Files.readString(TestBot.SHIPPED_CONFIG)
            .replace("# opens_at: 2027-09-01T00:00", "opens_at: 2027-10-25T10:00");
    t = new TestBot(ConfigLoader.parse(yaml, "test"), storage, dataDir);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private List<Outbound> sentTo(String recipient, int count) {
    await().atMost(WAIT).until(() -> t.channel.textsTo(recipient).size() == count);
    return t.channel.sent().stream().filter(m -> m.recipient().equals(recipient)).toList();
  }

  @Test
  void digest_ofACallThatOpensLater_saysWhenItOpens_notThatNothingChanged() {
    t.say(ORG, "/digest");

    assertThat(sentTo(ORG, 1).get(0).text())
        .isEqualTo(
            "📊 投稿汇总 · Techparty 广州 · Docker 技术沙龙\n征集将于 "
                + OPENS
                + " 开始（还有 4 天 22 小时），截止 "
                + DEADLINE
                + "\n\n已提交 0 · 入围 0 · 已接受 0 · 未入选 0 · 已撤回 0 · 填写中的草稿 0");
  }

  @Test
  void announce_ofACallThatOpensLater_previewsAndPostsWhenItOpens() {
    String summary = new Templates(t.messages).event(t.config.event(EVENT).orElseThrow(), Lang.ZH);
    String post = summary + "\n\n⏳ " + OPENS + " 开始接受投稿。到时给我们的机器人发送「投稿」，它会一步步带你填写。";
    List<Choice> button = List.of(new Choice("我要投稿 / Submit a talk", "/start " + EVENT));

    t.say(ORG, "/announce");

    List<Outbound> preview = sentTo(ORG, 2);
    assertThat(preview.get(0).text()).isEqualTo(post);
    assertThat(preview.get(0).choices()).isEqualTo(button);
    assertThat(preview.get(1).text())
        .isEqualTo("以上是公告的预览，社区看到的就是这样。确认发布请发送 /announce confirm " + EVENT + "。");

    t.say(ORG, "/announce confirm " + EVENT);

    List<Outbound> posted = sentTo("community", 1);
    assertThat(posted.get(0).text()).isEqualTo(post);
    assertThat(posted.get(0).choices()).isEqualTo(button);
  }

  @Test
  void theAnnouncementsButton_answersWithTheOpeningTime_untilTheCallOpens() {
    t.say("alice", "/start " + EVENT);

    assertThat(sentTo("alice", 1).get(0).text())
        .isEqualTo("「Techparty 广州 · Docker 技术沙龙」将于 " + OPENS + " 开始征集讲者，截止时间是 " + DEADLINE + "。");

    t.clock.set(Instant.parse("2027-10-25T02:00:00Z"));
    t.say("alice", "/start " + EVENT);

    assertThat(sentTo("alice", 2).get(1).text()).contains("\n\n(1/7) 请问怎么称呼你？");
  }
}
