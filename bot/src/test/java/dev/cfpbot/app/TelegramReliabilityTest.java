package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.testkit.Faults;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts, redeliveries, refusals and stale buttons: nothing is lost, nothing happens twice. */
class TelegramReliabilityTest {
  static final long BOB = 2002;

  @TempDir Path dataDir;
  TelegramHarness h;

  @BeforeEach
  void start() {
    h = new TelegramHarness(dataDir, Clock.systemUTC(), Map.of()).start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void restartInTheMiddleOfTheForm_resumesWhereItStopped() {
    h.say(BOB, "/start", 1);
    h.say(BOB, "李四", 1);
    h.stop();
    // Sent while the bot is down: Telegram keeps it until the bot asks again.
    h.telegram.sendText(BOB, "前端工程师。");

    h.start();

    assertThat(h.awaitTexts(BOB, 3).get(2)).startsWith("(3/7) 你的微信号是？");
    assertThat(h.say(BOB, "/skip", 1)).containsExactly("(4/7) 你的联系电话是？（只有组织者能看到）");
  }

  @Test
  void sameUpdateDeliveredAgain_afterARestart_hasNoEffect() {
    int update = h.telegram.sendText(BOB, "/start");
    h.awaitTexts(BOB, 1);
    h.stop();
    h.telegram.redeliver(update);

    h.start();
    List<String> help = h.say(BOB, "/help", 2);

    assertThat(help.get(0)).startsWith("可以随时发送这些指令：");
    assertThat(help.get(1)).isEqualTo("(1/7) 请问怎么称呼你？（姓名）");
    assertThat(h.telegram.textsTo(BOB)).hasSize(3);
  }

  @Test
  void tooManyRequests_withRetryAfter_isWaitedOutAndOrderKept() {
    h.telegram.faults().failNext("sendmessage", new Faults.TooManyRequests(1));
    long before = System.nanoTime();

    h.telegram.sendText(BOB, "/start");
    h.telegram.sendText(BOB, "/help");
    List<String> replies = h.awaitTexts(BOB, 3);

    assertThat((System.nanoTime() - before) / 1_000_000).isGreaterThanOrEqualTo(1000);
    // The call comes with the first question; what was said after waits behind the refused send.
    assertThat(replies.get(0)).startsWith("📣 Techparty 广州").contains("\n\n(1/7)");
    assertThat(replies.get(1)).startsWith("可以随时发送这些指令：");
    assertThat(replies.get(2)).startsWith("(1/7)");
  }

  @Test
  void serverError_isRetried() {
    h.telegram.faults().failNext("sendmessage", new Faults.ServerError());

    assertThat(h.say(BOB, "/help", 1).get(0)).startsWith("可以随时发送这些指令：");
  }

  @Test
  void blockedByTheUser_isRecordedAndReportedToOrganizers() {
    h.telegram.faults().failNext("sendmessage", new Faults.Blocked());

    h.telegram.sendText(BOB, "/help");

    assertThat(h.awaitSent(TelegramHarness.ORGANIZERS, 1).get(0).text())
        .startsWith("⚠️ 一条消息（reply，telegram）发送失败：Telegram 403");
  }

  @Test
  void staleButton_isAnsweredGracefully() {
    h.submit(BOB, "从零到生产");

    h.pressButton(BOB, "/confirm");

    assertThat(h.awaitTexts(BOB, 10).get(9))
        .isEqualTo("这个按钮已经失效。\n\n想分享一个演讲？发送「投稿」开始。发送「我的投稿」查看已提交的投稿，「帮助」查看全部指令。");
  }

  @Test
  void updatesArePolledOnlyAfterTheyAreStored() {
    int update = h.telegram.sendText(BOB, "/start");
    h.awaitTexts(BOB, 1);

    await().atMost(TelegramHarness.WAIT).until(() -> h.telegram.acknowledgedUpTo() >= update);
    var storage = h.app.storage();
    long queued =
        storage.database().inTransaction("count", tx -> storage.queue().count(tx, "telegram"));
    assertThat(queued).isZero();
  }
}
