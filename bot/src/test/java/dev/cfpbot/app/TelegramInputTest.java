package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.testkit.SentMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that must not become data: button presses the bot did not issue for the question now asked,
 * edited messages, commands for other bots, text that is not well-formed Unicode.
 */
class TelegramInputTest {
  static final long ALICE = 1001;
  static final long GROUP = Long.parseLong(TelegramHarness.ORGANIZERS);
  static final long ORGANIZER = Long.parseLong(TelegramHarness.ORGANIZER);
  static final String NAME_QUESTION = "(1/7) 请问怎么称呼你？（姓名）";
  static final String BIO_QUESTION = "(2/7) 请简单介绍一下自己：在哪里工作、做什么，和 Docker 有什么故事。";
  static final String INACTIVE = "这个按钮已经失效。";

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

  private <T> T in(java.util.function.Function<dev.cfpbot.storage.Tx, T> work) {
    Storage storage = h.storage();
    return storage.database().inTransaction("test", work);
  }

  private long answerRows() {
    return in(tx -> tx.count("count answers", "select count(*) from answers"));
  }

  private List<Submission> submitted() {
    return in(tx -> h.storage().submissions().listSubmitted(tx, "gz-2027-10-docker"));
  }

  private Map<String, Answer> draftAnswers() {
    return in(
        tx -> {
          String id =
              tx.list(
                      "find draft",
                      "select id from submissions where state = 'DRAFT'",
                      row -> row.getString(1))
                  .get(0);
          return h.storage().answers().answers(tx, id, true);
        });
  }

  private SentMessage last(long chat) {
    List<SentMessage> sent = h.telegram.sentTo(Long.toString(chat));
    return sent.get(sent.size() - 1);
  }

  @Test
  void pressWithDataTheBotNeverIssued_isNotAnAnswer_andTheQuestionIsAskedAgain() {
    h.say(ALICE, "/start", 1);

    h.telegram.press(ALICE, ALICE, "张三");
    h.telegram.press(ALICE, ALICE, "/skip");

    List<String> replies = h.awaitTexts(ALICE, 3);
    assertThat(replies.subList(1, 3))
        .containsExactly(INACTIVE + "\n\n" + NAME_QUESTION, INACTIVE + "\n\n" + NAME_QUESTION);
    assertThat(answerRows()).isZero();
  }

  @Test
  void buttonFromAnEarlierQuestion_isNoLongerActive_andChangesNothing() {
    h.submit(ALICE, "从零到生产");
    h.say(ALICE, "撤回", 1);
    SentMessage withdrawQuestion = last(ALICE);
    assertThat(TelegramHarness.commands(withdrawQuestion)).containsExactly("/confirm", "/cancel");
    h.say(ALICE, "取消", 1);
    h.say(ALICE, "/start", 1);
    for (String answer :
        new String[] {
          "李四", "后端工程师。", "lisi_docker", "139 0013 9000", "镜像安全", "讲镜像扫描和签名在生产环境的落地经验，以及常见的误区。"
        }) {
      h.say(ALICE, answer, 1);
    }
    List<String> review = h.say(ALICE, "/skip", 1);
    assertThat(review.get(0)).startsWith("请核对你的投稿：");

    int before = h.telegram.textsTo(ALICE).size();
    h.telegram.press(ALICE, ALICE, withdrawQuestion.buttons().get(0));

    assertThat(h.awaitTexts(ALICE, before + 1).get(before))
        .isEqualTo(INACTIVE + "\n\n" + review.get(0));
    assertThat(submitted()).extracting(Submission::code).containsExactly("GZ-01");
    h.pressButton(ALICE, "/confirm");
    assertThat(h.awaitTexts(ALICE, before + 2).get(before + 1)).startsWith("✅ 投稿成功！编号 GZ-02");
  }

  @Test
  void editedAnswer_isApplied_validated_andTheCurrentQuestionShownAgain() {
    h.say(ALICE, "/start", 1);
    int nameUpdate = h.telegram.sendText(ALICE, "张3");
    h.awaitTexts(ALICE, 2);
    int nameMessage = h.telegram.messageIdOf(nameUpdate);

    h.telegram.editText(ALICE, nameMessage, "张三");
    assertThat(h.awaitTexts(ALICE, 3).get(2)).isEqualTo("已将「姓名」更新为：张三\n\n" + BIO_QUESTION);
    assertThat(draftAnswers().get("name").text()).isEqualTo("张三");

    h.telegram.editText(ALICE, nameMessage, "🙂🙂");
    assertThat(h.awaitTexts(ALICE, 4).get(3))
        .isEqualTo("修改没有保存：「姓名」需要至少一个文字或数字，只有表情符号、标点或空白不行。\n\n" + BIO_QUESTION);
    assertThat(draftAnswers().get("name").text()).isEqualTo("张三");
  }

  @Test
  void editOfAMessageThatAnsweredNothing_saysEditsAreNotRead() {
    int start = h.telegram.sendText(ALICE, "/start");
    h.awaitTexts(ALICE, 1);

    h.telegram.editText(ALICE, h.telegram.messageIdOf(start), "/status");

    assertThat(h.awaitTexts(ALICE, 2).get(1))
        .isEqualTo("这条编辑过的消息没有被读取，回答没有改变。要修改回答，请发送「修改」。\n\n" + NAME_QUESTION);
    assertThat(answerRows()).isZero();
  }

  @Test
  void commandForAnotherBot_isIgnored_inGroupsAndPrivateChats() {
    h.telegram.sendText(GROUP, ORGANIZER, "/digest@other_bot", "zh-hans");
    h.telegram.sendText(GROUP, ORGANIZER, "/help@cfp_test_bot", "zh-hans");
    h.telegram.sendText(ALICE, "/help@other_bot");
    h.telegram.sendText(ALICE, "/status@CFP_test_bot");

    assertThat(h.awaitSent(TelegramHarness.ORGANIZERS, 1).get(0).text()).startsWith("组织者指令：");
    assertThat(h.awaitTexts(ALICE, 1).get(0)).isEqualTo("你还没有投稿。发送「投稿」开始。");
  }

  @Test
  void loneSurrogateInTheJson_isRefusedWithTheReason_andNotStored() {
    h.say(ALICE, "/start", 1);

    h.telegram.sendTextJson(ALICE, "\"\\ud800\\u5f20\"");

    assertThat(h.awaitTexts(ALICE, 2).get(1))
        .isEqualTo("这条消息里有无法识别的字符（可能在传输中出了错），没有保存。请重新输入后再发一次。\n例如：张三");
    assertThat(answerRows()).isZero();
  }

  @Test
  void polling_asksForEditedMessages() {
    h.say(ALICE, "/help", 1);

    var allowed = h.telegram.lastCall("getupdates").path("allowed_updates");
    assertThat(allowed.isTextual() ? allowed.asText() : allowed.toString())
        .isEqualTo("[\"message\",\"edited_message\",\"callback_query\"]");
  }
}
