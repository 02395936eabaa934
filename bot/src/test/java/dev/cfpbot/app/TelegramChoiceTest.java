package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.conversation.TestConfigs;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.SentMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A form with choice fields on Telegram: the options come as buttons under the question (and as a
 * numbered list in it), a press answers with the option's id, and the summary shows its label.
 */
class TelegramChoiceTest {
  static final long ALICE = 1001;

  @TempDir Path dataDir;
  TelegramHarness h;

  @BeforeEach
  void start() throws Exception {
    // The title (the field "talk"), the talk's length and its level (optional) to choose.
    Path config =
        Files.writeString(
            dataDir.resolve("choice.yaml"),
            TestConfigs.config(3, TestConfigs.CHOICE_FORM, TestConfigs.GUANGZHOU));
    h =
        new TelegramHarness(
                dataDir.resolve("bot"),
                new TestBot.MutableClock(TestBot.BEFORE_DEADLINE),
                Map.of("CFPBOT_CONFIG", config.toString()))
            .start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private SentMessage last() {
    List<SentMessage> sent = h.telegram.sentTo(Long.toString(ALICE));
    return sent.get(sent.size() - 1);
  }

  @Test
  void optionsAreButtons_aPressStoresTheOptionsId_andTheSummaryShowsItsLabel() {
    h.say(ALICE, "/start", 1);
    h.say(ALICE, "Docker 入门", 1);

    SentMessage length = last();
    assertThat(length.text()).isEqualTo("(2/3) 你的演讲需要多长时间？\n1. 30 分钟\n2. 45 分钟");
    assertThat(TelegramHarness.commands(length)).containsExactly("30", "45");
    assertThat(length.replyMarkup().toString())
        .contains("\"text\":\"30 分钟\"", "\"text\":\"45 分钟\"");

    h.pressButton(ALICE, "45");
    h.awaitTexts(ALICE, 3);
    assertThat(TelegramHarness.commands(last())).containsExactly("beginner", "advanced", "/skip");
    h.say(ALICE, "2", 1);

    assertThat(last().text())
        .isEqualTo(
            "请核对你的投稿：\n\n演讲主题：Docker 入门\n时长：45 分钟\n难度：进阶\n\n" + "回复「确认」提交，「修改」更改某一项，「取消」放弃。");
    assertThat(h.say(ALICE, "确认", 1).get(0)).startsWith("✅ 投稿成功！编号 GZ-01\n《Docker 入门》已提交给组织者");
    Map<String, Answer> answers =
        h.storage()
            .database()
            .inTransaction(
                "test",
                tx -> {
                  var speaker =
                      h.storage()
                          .speakers()
                          .find(tx, "telegram", Long.toString(ALICE))
                          .orElseThrow();
                  var submission = h.storage().submissions().listBySpeaker(tx, speaker.id()).get(0);
                  return h.storage().answers().answers(tx, submission.id(), false);
                });
    assertThat(answers.get("length").text()).isEqualTo("45");
    assertThat(answers.get("level").text()).isEqualTo("advanced");
  }

  @Test
  void anotherAnswer_isRefusedWithTheListAndTheButtonsAgain() {
    h.say(ALICE, "/start", 1);
    h.say(ALICE, "Docker 入门", 1);

    assertThat(h.say(ALICE, "一小时", 1)).containsExactly("请回复下面其中一项的编号：\n1. 30 分钟\n2. 45 分钟");
    assertThat(TelegramHarness.commands(last())).containsExactly("30", "45");
  }
}
