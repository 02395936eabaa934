package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.SentMessage;
import dev.cfpbot.testkit.wechat.FakeWechatApi;
import dev.cfpbot.testkit.wechat.WechatClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two organizers on different channels — one on Telegram, one on the WeChat Official Account —
 * score the same proposals in one bot, and each sees both scores on the board; the digest counts
 * the proposals everyone reviewed, and the JSON export carries the reviews.
 */
class ReviewAcrossChannelsTest {
  static final long ALICE = 1001;
  static final long BOB = 1002;
  static final long LI = 777;
  static final String WANG = "o-organizer-wang";
  static final String TOKEN = "cfpbotTestToken2027";

  @TempDir Path dataDir;
  final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  final FakeWechatApi wechat = new FakeWechatApi();
  TelegramHarness h;
  WechatClient wang;

  @BeforeEach
  void start() {
    h =
        new TelegramHarness(
                dataDir,
                clock,
                Map.of(
                    "CFPBOT_HTTP_PORT",
                    "0",
                    "CFPBOT_PUBLIC_URL",
                    "https://cfp.example.org",
                    "WECHAT_APP_ID",
                    FakeWechatApi.APP_ID,
                    "WECHAT_APP_SECRET",
                    FakeWechatApi.SECRET,
                    "WECHAT_TOKEN",
                    TOKEN,
                    "WECHAT_API_URL",
                    wechat.url(),
                    "WECHAT_ORGANIZERS",
                    WANG))
            .start();
    wang =
        new WechatClient(
            URI.create(Boards.local(h, "https://cfp.example.org/wechat")),
            TOKEN,
            null,
            FakeWechatApi.APP_ID,
            clock);
    h.submit(ALICE, "从零到生产");
    h.submit(BOB, "Kubernetes 上的有状态服务");
  }

  @AfterEach
  void stop() {
    h.close();
    wechat.close();
  }

  @Test
  void telegramAndWechatOrganizers_scoreTheSameProposals_andSeeEachOthersScores() throws Exception {
    assertThat(h.say(LI, "/score GZ-01 +2 讲得很实在", 1))
        .containsExactly("✅ 你给 GZ-01 的评分：+2 强烈推荐。共 1 位组织者评分，平均 +2。");
    assertThat(wang.text(WANG, "/score GZ-01 -1 题目太泛").reply())
        .isEqualTo("✅ 你给 GZ-01 的评分：−1 不合适。共 2 位组织者评分，平均 +0.5。");
    assertThat(wang.text(WANG, "/score GZ-02 +1").reply())
        .isEqualTo("✅ 你给 GZ-02 的评分：+1 不错。共 1 位组织者评分，平均 +1。");

    String wangBoard = Boards.link(h, wang.text(WANG, "/review").reply());
    String liBoard = Boards.link(h, LI);

    assertThat(get(wangBoard)).contains("我的评分 −1 · 平均 +0.5（2 人）").contains("我的评分 +1 · 平均 +1（1 人）");
    assertThat(get(liBoard)).contains("我的评分 +2 · 平均 +0.5（2 人）").contains("我的评分 — · 1 人已评分，评分后可见");
    assertThat(get(wangBoard + "/p/GZ-01"))
        .contains("User777")
        .contains("讲得很实在")
        .contains("WeChat …r-wang")
        .contains("题目太泛");
    assertThat(get(liBoard + "/p/GZ-02"))
        .contains("另外 1 位组织者的评分在你评分后显示。")
        .doesNotContain("WeChat …r-wang");

    h.telegram.sendText(LI, "/digest");
    assertThat(h.awaitTexts(LI, 3).get(2)).contains("📋 评审：2 个投稿中有 1 个已由全部 2 位组织者评分。打开评审板：/review");

    h.telegram.sendText(LI, "/export json");
    SentMessage export = h.awaitSent(Long.toString(LI), 4).get(3);
    JsonNode rows = new ObjectMapper().readTree(h.telegram.uploadedDocument(export.messageId()));
    assertThat(rows.get(0).path("reviews").toString())
        .isEqualTo(
            "[{\"by\":\"User777\",\"channel\":\"telegram\",\"score\":2,\"comment\":\"讲得很实在\","
                + "\"at\":\"2027-10-20T12:00:00+08:00\"},"
                + "{\"by\":\"WeChat …r-wang\",\"channel\":\"wechat\",\"score\":-1,"
                + "\"comment\":\"题目太泛\",\"at\":\"2027-10-20T12:00:00+08:00\"}]");
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }
}
