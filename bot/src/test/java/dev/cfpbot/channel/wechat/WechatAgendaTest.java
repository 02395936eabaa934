package dev.cfpbot.channel.wechat;

import static dev.cfpbot.channel.wechat.WechatTestBot.ORGANIZER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testkit.wechat.FakeWechatApi;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On WeChat, through signed, encrypted callbacks: two proposals accepted, confirmed in words, the
 * agenda published as a mass message, each speaker's slot with a signed calendar link (no files on
 * an Official Account); then a decline frees a slot and the next publication says what changed.
 */
@ExtendWith(StorageExtension.class)
class WechatAgendaTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Pattern LINK =
      Pattern.compile("https://cfp\\.example\\.org(/calendar/[A-Za-z0-9_.-]+)");

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

  private void delivered() {
    await()
        .atMost(WAIT)
        .until(() -> t.in((Tx tx) -> t.storage.outbox().countUnsent(tx, null)) == 0);
  }

  private String last(String openid) {
    // None yet: the first question comes with the call in the passive reply, not as a message.
    List<String> texts = t.api.texts(openid);
    return texts.isEmpty() ? "" : texts.get(texts.size() - 1);
  }

  @Test
  void acceptedConfirmedPublished_thenADeclineFreesItsSlot_andTheUpdateSaysSo() throws Exception {
    WechatCallbackTest.submit(t.safe, "o-alice");
    WechatCallbackTest.submit(t.safe, "o-bob");
    t.safe.text(ORGANIZER, "/accept GZ-01");
    t.safe.text(ORGANIZER, "/accept GZ-02");
    t.clock.set(t.clock.instant().plus(Duration.ofMinutes(10)));
    await().atMost(WAIT).until(() -> last("o-bob").startsWith("🎉 恭喜"));
    assertThat(last("o-alice")).endsWith("你会来分享吗？请回复「确认参加」或「无法参加」。");

    assertThat(t.safe.text("o-alice", "确认参加").reply()).startsWith("🙌 谢谢！");
    assertThat(t.safe.text("o-bob", "确认参加").reply()).startsWith("🙌 谢谢！");
    t.safe.text(ORGANIZER, "/agenda publish");
    delivered();

    List<FakeWechatApi.Call> mass = t.api.calls(FakeWechatApi.SENDALL);
    assertThat(mass).hasSize(1);
    assertThat(mass.get(0).text())
        .contains("13:40 《从零到生产：我们的 Docker 迁移之路》 — 张三\n14:20 《从零到生产：我们的 Docker 迁移之路》 — 张三\n");
    String slot = last("o-bob");
    assertThat(slot)
        .startsWith("📅 「Techparty 广州 · Docker 技术沙龙」的议程已公布：你的演讲 《从零到生产：我们的 Docker 迁移之路》安排在");
    Matcher m = LINK.matcher(slot);
    assertThat(m.find()).as(slot).isTrue();
    HttpResponse<String> ics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(t.base() + m.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
    VEvent event =
        new CalendarBuilder()
            .build(new StringReader(ics.body()))
            .<VEvent>getComponent("VEVENT")
            .orElseThrow();
    assertThat(ZonedDateTime.from(event.getDateTimeStart().orElseThrow().getDate()).toInstant())
        .isEqualTo(Instant.parse("2027-10-31T06:20:00Z"));
    HttpResponse<String> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(t.base() + m.group(1) + "x")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(404);

    t.safe.text("o-alice", "无法参加");
    assertThat(t.safe.text("o-alice", "确认").reply()).startsWith("已告诉组织者你无法分享 GZ-01");
    // The public page frees the slot at once; the community hears at the next publication.
    String page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(t.base() + "/agenda/gz-2027-10-docker")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(page.split("<h2>", -1)).hasSize(2);
    assertThat(page)
        .contains("<span class=\"at\">13:40</span><div class=\"slot\"><p class=\"pause\">（待定）</p>");
    t.safe.text(ORGANIZER, "/agenda publish");
    delivered();

    mass = t.api.calls(FakeWechatApi.SENDALL);
    assertThat(mass).hasSize(2);
    assertThat(mass.get(1).text())
        .startsWith("🔄 议程有更新 · Techparty 广州 · Docker 技术沙龙\n✖ 《从零到生产：我们的 Docker 迁移之路》 — 张三 取消\n")
        .contains("13:40 （待定）\n14:20 《从零到生产：我们的 Docker 迁移之路》 — 张三\n");
  }
}
