package dev.cfpbot.channel.wechat;

import static dev.cfpbot.channel.wechat.WechatTestBot.ORGANIZER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testkit.wechat.WechatClient;
import dev.cfpbot.testkit.wechat.WechatClient.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * /mydata, /forget and the retention purge on WeChat: signed, encrypted callbacks through the real
 * HTTP server, passive replies and customer-service messages from the fake WeChat API.
 */
@ExtendWith(StorageExtension.class)
class WechatDataRightsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String EVENT = "gz-2027-10-docker";

  /** 181 days after the seed event ended. */
  private static final Instant PAST_RETENTION = Instant.parse("2028-04-29T00:00:00Z");

  private static final String DONE =
      "✅ 你的数据已全部删除，无法恢复。投稿编号 GZ-01 保留为「已删除」，组织者已收到通知（不含你的任何信息）。" + "如果再给我发消息，会作为新用户重新开始。";

  @TempDir Path dataDir;
  private WechatTestBot t;

  @BeforeEach
  void start(TestDatabases databases) {
    t = new WechatTestBot(databases, dataDir);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private Submission byCode(String code) {
    return t.in((Tx tx) -> t.storage.submissions().findByCode(tx, code)).orElseThrow();
  }

  /**
   * Sends {@code text} and collects what the follower sees: the passive reply, then the
   * customer-service messages that continue it, once the outbox has sent them.
   */
  private List<String> exchange(String openid, String text) {
    delivered();
    int before = t.api.texts(openid).size();
    Response response = t.safe.text(openid, text);
    assertThat(response.status()).isEqualTo(200);
    delivered();
    List<String> seen = new ArrayList<>();
    seen.add(response.reply());
    List<String> sent = t.api.texts(openid);
    seen.addAll(sent.subList(before, sent.size()));
    return seen;
  }

  private void delivered() {
    await()
        .atMost(WAIT)
        .until(() -> t.in((Tx tx) -> t.storage.outbox().countUnsent(tx, null)) == 0);
  }

  @Test
  void myData_isSplitToWechatsLength_andComesWithoutAFile() throws Exception {
    for (int i = 0; i < 3; i++) {
      WechatCallbackTest.submit(t.safe, "o-alice");
    }

    List<String> seen = exchange("o-alice", "我的数据");

    assertThat(seen.size()).isGreaterThan(1);
    assertThat(seen)
        .allSatisfy(
            part ->
                assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048));
    String all = String.join("\n\n", seen);
    assertThat(seen.get(0))
        .startsWith(
            "📋 我们保存的关于你的全部数据（只发给你本人；时间为 Asia/Shanghai 时间）：\n\n"
                + "【资料】\n渠道：wechat（账号 o-alice）\n名字（由平台提供）：WeChat …-alice\n");
    assertThat(all)
        .contains("【GZ-01 《" + WechatCallbackTest.TITLE + "》】Techparty 广州 · Docker 技术沙龙\n")
        .contains("【GZ-02 《" + WechatCallbackTest.TITLE + "》】Techparty 广州 · Docker 技术沙龙\n")
        .contains("联系电话：+8613800138000\n")
        .contains("2027-10-20 12:00 草稿（未提交） → 已提交，等待评选（你）")
        .endsWith("要删除这些数据，发送「删除我的数据」（/forget）。")
        .doesNotContain("⬇️", "JSON");
    assertThat(exports()).isEmpty();
  }

  private List<Path> exports() throws Exception {
    Path dir = dataDir.resolve("exports");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void forget_deletesTheFollower_andTheirNameInTheInbox() {
    t.safe.post(WechatClient.eventXml("o-alice", "subscribe", null, t.safe.now()));
    WechatCallbackTest.submit(t.safe, "o-alice");
    WechatCallbackTest.submit(t.safe, "o-bob");

    List<String> question = exchange("o-alice", "删除我的数据");

    assertThat(question)
        .containsExactly(
            "⚠️ 确定要删除你的全部数据吗？将会删除：\n"
                + "• 你的资料：名字「WeChat …-alice」、语言和提醒设置\n"
                + "• 1 个投稿的全部回答（包括未确认的修改）：GZ-01 《"
                + WechatCallbackTest.TITLE
                + "》。编号会保留并标记为「已删除」，组织者的统计不受影响，他们会收到一条只有编号的通知\n"
                + "• 我们的对话进度\n"
                + "删除后无法恢复。回复「确认删除」执行；发送其他任何内容都会取消。");

    assertThat(exchange("o-alice", "确认删除"))
        .containsExactly(
            "✅ 你的数据已全部删除，无法恢复。投稿编号 GZ-01 保留为「已删除」，组织者已收到通知（不含你的任何信息）。" + "如果再给我发消息，会作为新用户重新开始。");
    await()
        .atMost(WAIT)
        .until(() -> t.api.texts(ORGANIZER).stream().anyMatch(s -> s.startsWith("🗑")));
    assertThat(t.api.texts(ORGANIZER).stream().filter(s -> s.startsWith("🗑")))
        .containsExactly("🗑 一位讲者删除了自己的数据：GZ-01。编号保留，内容已删除。");
    assertThat(t.in((Tx tx) -> t.storage.speakers().find(tx, "wechat", "o-alice"))).isEmpty();
    assertThat(byCode("GZ-01").state()).isEqualTo(SubmissionState.DELETED);
    assertThat(byCode("GZ-02").state()).isEqualTo(SubmissionState.SUBMITTED);
    // The passive replies kept for retries repeated the answers (all but the last one, which says
    // that all is deleted); the subscribe event's id named the follower.
    assertThat(
            t.in(
                (Tx tx) ->
                    tx.list(
                        "replies",
                        "select reply from inbox where chat_id = ? and reply is not null",
                        row -> row.getString(1),
                        "o-alice")))
        .containsExactly(DONE);
    assertThat(
            t.in(
                (Tx tx) ->
                    tx.count(
                        "count",
                        "select count(*) from inbox where external_id like ?",
                        "%o-alice%")))
        .isZero();
    assertThat(
            t.in(
                (Tx tx) ->
                    tx.count(
                        "count",
                        "select count(*) from inbox where chat_id = ? and reply is not null",
                        "o-bob")))
        .isEqualTo(9);

    // The upload link shown at the slides question named the follower's chat.
    assertThat(uploadLinksOf("o-alice")).isZero();
    assertThat(uploadLinksOf("o-bob")).isEqualTo(1);

    assertThat(exchange("o-alice", "投稿").get(0)).startsWith("📣 Techparty 广州 · Docker 技术沙龙");
  }

  private long uploadLinksOf(String openid) {
    return t.in(
        (Tx tx) ->
            tx.count("count", "select count(*) from upload_links where chat_id = ?", openid));
  }

  @Test
  void retention_pastTheEvent_leavesAnAcceptedTalkItsPublicFields() {
    WechatCallbackTest.submit(t.safe, "o-bob");
    assertThat(t.safe.text(ORGANIZER, "/accept GZ-01").status()).isEqualTo(200);
    t.clock.set(t.clock.instant().plus(t.config.bot().decisionWait()));

    t.clock.set(PAST_RETENTION);
    t.bot.scheduler().tick();

    String all = String.join("\n\n", exchange("o-bob", "/mydata"));
    assertThat(all)
        .contains(
            "状态：已接受\n"
                + "创建 2027-10-20 12:00 · 提交 2027-10-20 12:00 · 评选 2027-10-20 12:00 · 最后修改"
                + " 2027-10-20 12:00\n"
                + "姓名：张三\n"
                + "演讲主题："
                + WechatCallbackTest.TITLE
                + "\n主题简要介绍：介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。\n记录：\n")
        .doesNotContain("联系电话", "微信号", "自我介绍");
    assertThat(t.in((Tx tx) -> t.storage.submissions().listDrafts(tx, EVENT))).isEmpty();
  }
}
