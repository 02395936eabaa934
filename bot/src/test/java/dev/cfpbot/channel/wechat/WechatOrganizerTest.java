package dev.cfpbot.channel.wechat;

import static dev.cfpbot.channel.wechat.WechatTestBot.ORGANIZER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testkit.wechat.FakeWechatApi;
import dev.cfpbot.testkit.wechat.FakeWechatApi.Call;
import dev.cfpbot.testkit.wechat.WechatClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Organizers on WeChat: alerts as customer-service messages, fallbacks, and their commands. */
@ExtendWith(StorageExtension.class)
class WechatOrganizerTest {
  private final TestDatabases databases;

  WechatOrganizerTest(TestDatabases databases) {
    this.databases = databases;
  }

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Pattern LINK = Pattern.compile("https://cfp\\.example\\.org/\\S+");

  @TempDir Path dataDir;
  private WechatTestBot t;

  private WechatTestBot start(Map<String, String> env) {
    t = new WechatTestBot(databases, dataDir, env, Function.identity());
    return t;
  }

  /** With a template message configured for closed windows. */
  private WechatTestBot startWithTemplate() {
    t =
        new WechatTestBot(
            databases,
            dataDir,
            Map.of(WechatSettings.TEMPLATE_ID, "tmpl-new-talk"),
            text ->
                text
                    + "\nwechat:\n  template_fields:\n    first: \"{title}\"\n"
                    + "    keyword1: \"{kind}\"\n    remark: \"发送任意消息查看详情\"\n");
    return t;
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private List<String> toOrganizer() {
    return t.api.texts(ORGANIZER);
  }

  private long awaitingRetry() {
    return t.in(tx -> t.storage.outbox().countAwaitingRetry(tx));
  }

  @Test
  void submission_alertsTheOrganizerWithACustomerServiceMessage() {
    start(Map.of());

    WechatCallbackTest.submit(t.safe, "o-alice");

    await().atMost(WAIT).until(() -> toOrganizer().size() == 1);
    assertThat(toOrganizer().get(0))
        .startsWith("📥 新投稿 GZ-01 · Techparty 广州 · Docker 技术沙龙\n来自 WeChat …-alice（wechat）")
        .contains("演讲主题：从零到生产：我们的 Docker 迁移之路");
  }

  @Test
  void replyRefusedForAClosedWindow_goesOutAsTheTemplate() {
    startWithTemplate();
    t.api.failNext(FakeWechatApi.CUSTOM, "o-bob", 45047);

    t.safe.text("o-bob", "投稿");
    t.safe.text("o-bob", "/help"); // its re-asked question goes as a custom message

    await().atMost(WAIT).until(() -> t.api.calls(FakeWechatApi.TEMPLATE).size() == 1);
    Call template = t.api.calls(FakeWechatApi.TEMPLATE).get(0);
    assertThat(template.to()).isEqualTo("o-bob");
    assertThat(template.body().path("template_id").asText()).isEqualTo("tmpl-new-talk");
    assertThat(template.body().path("data").path("first").path("value").asText())
        .isEqualTo("(1/7) 请问怎么称呼你？（姓名）");
    assertThat(template.body().path("data").path("keyword1").path("value").asText())
        .isEqualTo("reply");
    assertThat(template.body().path("data").path("remark").path("value").asText())
        .isEqualTo("发送任意消息查看详情");
    assertThat(t.api.texts("o-bob")).isEmpty();
  }

  @Test
  void organizerAlertRefusedForAClosedWindow_goesOutAsTheTemplate() {
    startWithTemplate();
    t.api.failNext(FakeWechatApi.CUSTOM, ORGANIZER, 45015);

    WechatCallbackTest.submit(t.safe, "o-carol");

    await().atMost(WAIT).until(() -> t.api.calls(FakeWechatApi.TEMPLATE).size() == 1);
    Call template = t.api.calls(FakeWechatApi.TEMPLATE).get(0);
    assertThat(template.to()).isEqualTo(ORGANIZER);
    assertThat(template.body().path("data").path("first").path("value").asText())
        .isEqualTo("📥 新投稿 GZ-01 · Techparty 广州 · Docker 技术沙龙");
    assertThat(template.body().path("data").path("keyword1").path("value").asText())
        .isEqualTo("alert");
    assertThat(toOrganizer()).isEmpty();
    assertThat(awaitingRetry()).isZero();
  }

  @Test
  void alertRefusedWithoutATemplate_isHeld_countedInTheDigest_andSentWhenTheOrganizerWrites() {
    start(Map.of());
    t.api.failNext(FakeWechatApi.CUSTOM, ORGANIZER, 45015);

    WechatCallbackTest.submit(t.safe, "o-dave");
    await().atMost(WAIT).until(() -> t.in(tx -> held(tx, ORGANIZER)) == 1);
    assertThat(toOrganizer()).isEmpty();

    WechatClient.Response digest = t.safe.text(ORGANIZER, "/digest");

    assertThat(digest.reply())
        .startsWith("📊 投稿汇总 · Techparty 广州 · Docker 技术沙龙")
        .contains("\n\n⏳ 有 1 条消息还在等待发送");
    await().atMost(WAIT).until(() -> toOrganizer().size() == 1);
    assertThat(toOrganizer().get(0)).startsWith("📥 新投稿 GZ-01");
    assertThat(awaitingRetry()).isZero();
  }

  private static long held(dev.cfpbot.storage.Tx tx, String recipient) {
    return tx.count(
        "held",
        "select count(*) from outbox where recipient = ? and state = 'PENDING' and attempts > 0",
        recipient);
  }

  @Test
  void expiredAccessToken_isRenewedAndTheMessageDelivered() {
    start(Map.of());
    t.safe.text("o-erin", "投稿");
    t.safe.text("o-erin", "/help"); // its re-asked question goes as a custom message
    await().atMost(WAIT).until(() -> t.api.texts("o-erin").size() == 1);
    int tokens = t.api.tokensIssued();
    t.api.failNext(FakeWechatApi.CUSTOM, 40001);

    t.safe.text("o-erin", "/help");

    await().atMost(WAIT).until(() -> t.api.texts("o-erin").size() == 2);
    assertThat(t.api.tokensIssued()).isEqualTo(tokens + 1);
    assertThat(t.api.texts("o-erin").get(1)).startsWith("(1/7) 请问怎么称呼你？");
  }

  @Test
  void busyWechat_isRetriedLater() {
    start(Map.of());
    t.api.failNext(FakeWechatApi.CUSTOM, -1);

    t.safe.text("o-frank", "投稿");
    t.safe.text("o-frank", "/help"); // its re-asked question goes as a custom message

    await().atMost(WAIT).until(() -> awaitingRetry() == 1);
    assertThat(t.api.texts("o-frank")).isEmpty();
    t.clock.set(t.clock.instant().plusSeconds(2));
    t.bot.sender().wake();
    await().atMost(WAIT).until(() -> t.api.texts("o-frank").size() == 1);
  }

  @Test
  void openid_isToldToWhoeverAsks_andNothingIsStored() {
    start(Map.of());

    WechatClient.Response reply = t.safe.text("o-future-organizer", "/openid");

    assertThat(reply.reply())
        .isEqualTo("你在这个公众号的 openid 是：o-future-organizer\n（要成为组织者，请把它交给运营者加入 WECHAT_ORGANIZERS。）");
    long rows = t.in(tx -> tx.count("inbox", "select count(*) from inbox"));
    assertThat(rows).isZero();
  }

  @Test
  void unreachableApi_isRetriedLater_notGivenUp() {
    start(Map.of());
    t.api.close();

    t.safe.text("o-gwen", "投稿");
    t.safe.text("o-gwen", "/help"); // its re-asked question goes as a custom message

    await().atMost(WAIT).until(() -> awaitingRetry() == 1);
    long failed =
        t.in(tx -> tx.count("failed", "select count(*) from outbox where state = 'FAILED'"));
    assertThat(failed).isZero();
  }

  @Test
  void serverNotOnTheIpWhitelist_messagesWait_andHealthSaysWhatToFix() {
    start(Map.of());
    assertThat(t.channel.healthy()).isTrue();
    assertThat(t.channel.status()).isEqualTo("callbacks (safe mode, encrypted only)");
    t.api.failNext(FakeWechatApi.CUSTOM, 40164);

    t.safe.text("o-hugo", "投稿");
    t.safe.text("o-hugo", "/help"); // its re-asked question goes as a custom message

    await().atMost(WAIT).until(() -> awaitingRetry() == 1);
    assertThat(t.channel.healthy()).isFalse();
    assertThat(t.channel.status())
        .isEqualTo(
            "the WeChat API refuses the account's settings (40164: add this server's outgoing IP"
                + " address to the Official Account's IP whitelist)");
  }

  @Test
  void strangerRunningAnOrganizerCommand_isRefused() {
    start(Map.of());

    WechatClient.Response reply = t.safe.text("o-mallory", "/export");

    assertThat(reply.reply()).isEqualTo("抱歉，这是组织者专用的指令。");
  }

  @Test
  void export_repliesWithADownloadLinkThatServesTheCsv_andNothingElse() throws Exception {
    start(Map.of());
    WechatCallbackTest.submit(t.safe, "o-gina");

    WechatClient.Response reply = t.safe.text(ORGANIZER, "/export");

    // The reply names the file, never where it is on the server.
    assertThat(reply.reply())
        .matches("(?s)已导出 1 个投稿：cfp-\\d{8}-\\d{6}\\.csv\n\n⬇️ 下载（1 小时内有效）：https://\\S+");
    Matcher link = LINK.matcher(reply.reply());
    assertThat(link.find()).isTrue();
    HttpResponse<String> download = get(t.local(link.group()));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"cfp-");
    assertThat(download.body()).startsWith("\uFEFFid,event,state,").contains("\r\nGZ-01,");

    String forged = link.group().substring(0, link.group().length() - 3) + "AAA";
    assertThat(get(t.local(forged)).statusCode()).isEqualTo(404);
    t.clock.set(t.clock.instant().plus(Duration.ofMinutes(61)));
    assertThat(get(t.local(link.group())).statusCode()).isEqualTo(404);
  }

  @Test
  void menu_installsTheCustomMenuAndConfirms() {
    start(Map.of());

    WechatClient.Response reply = t.safe.text(ORGANIZER, "/menu");

    assertThat(reply.reply()).isEqualTo("正在安装自定义菜单：我要投稿 · 我的投稿 · 活动信息。");
    await().atMost(WAIT).until(() -> t.api.calls(FakeWechatApi.MENU).size() == 1);
    var buttons = t.api.calls(FakeWechatApi.MENU).get(0).body().path("button");
    assertThat(buttons).hasSize(3);
    assertThat(buttons.get(0).path("type").asText()).isEqualTo("click");
    assertThat(buttons.get(0).path("name").asText()).isEqualTo("我要投稿");
    assertThat(buttons.get(0).path("key").asText()).isEqualTo("CFP_SUBMIT");
    assertThat(buttons.get(2).path("key").asText()).isEqualTo("CFP_ABOUT");
    await().atMost(WAIT).until(() -> toOrganizer().size() == 1);
    assertThat(toOrganizer().get(0)).startsWith("✅ 自定义菜单已安装");
  }

  @Test
  void announce_previewsAsAMassMessageWithTheLimits_thenMassSendsOnConfirmation() {
    start(Map.of());

    WechatClient.Response preview = t.safe.text(ORGANIZER, "/announce");
    await().atMost(WAIT).until(() -> toOrganizer().size() == 1);
    WechatClient.Response confirm = t.safe.text(ORGANIZER, "/announce confirm");
    await().atMost(WAIT).until(() -> t.api.calls(FakeWechatApi.SENDALL).size() == 1);

    assertThat(preview.reply())
        .startsWith("以上是公告的预览，社区看到的就是这样。确认发布请发送 /announce confirm gz-2027-10-docker");
    Call shown = t.api.calls(FakeWechatApi.PREVIEW).get(0);
    assertThat(shown.body().path("touser").asText()).isEqualTo(ORGANIZER);
    assertThat(shown.body().path("msgtype").asText()).isEqualTo("text");
    assertThat(shown.text()).startsWith("📣 Techparty 广州 · Docker 技术沙龙");
    assertThat(toOrganizer().get(0))
        .startsWith("⬆️ 这是群发预览，确认后会群发给全部关注者。")
        .contains("订阅号每天只能群发 1 次，服务号每月只能群发 4 次");
    assertThat(confirm.reply()).isEqualTo("✅ 已发布到：wechat");
    Call sent = t.api.calls(FakeWechatApi.SENDALL).get(0);
    assertThat(sent.body().path("filter").path("is_to_all").asBoolean()).isTrue();
    assertThat(sent.body().path("msgtype").asText()).isEqualTo("text");
    assertThat(sent.body().path("clientmsgid").asText()).isNotBlank();
    assertThat(sent.text()).isEqualTo(shown.text());
  }

  @Test
  void announceUpdate_toATag_isAMassMessageWithTheTagFilter() {
    start(Map.of(WechatSettings.ANNOUNCE_TAG, "134"));

    WechatClient.Response posted = t.safe.text(ORGANIZER, "/announce update 地点：珠江新城某咖啡馆");

    assertThat(posted.reply()).isEqualTo("✅ 已发布到：wechat");
    await().atMost(WAIT).until(() -> t.api.calls(FakeWechatApi.SENDALL).size() == 1);
    Call sent = t.api.calls(FakeWechatApi.SENDALL).get(0);
    assertThat(sent.body().path("filter").path("is_to_all").asBoolean()).isFalse();
    assertThat(sent.body().path("filter").path("tag_id").asLong()).isEqualTo(134);
    assertThat(sent.text()).isEqualTo("地点：珠江新城某咖啡馆");
  }

  @Test
  void massSendQuotaSpent_isReportedToTheOrganizers() {
    start(Map.of());
    t.api.failNext(FakeWechatApi.SENDALL, 45028);

    t.safe.text(ORGANIZER, "/announce confirm");

    await().atMost(WAIT).until(() -> toOrganizer().size() == 1);
    assertThat(toOrganizer().get(0))
        .startsWith("⚠️ 一条消息（announcement，wechat）发送失败：wechat 45028")
        .endsWith("(no mass-send quota left this period)");
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
