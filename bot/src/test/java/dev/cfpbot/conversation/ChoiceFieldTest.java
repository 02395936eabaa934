package dev.cfpbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A choice field (the talk's length, its level): its options as a numbered list and as buttons,
 * picked by button, number or label, stored as the option's id, refused with the list otherwise.
 * The title comes from the field whose role is the title, whatever its id.
 */
class ChoiceFieldTest {
  private static final String LENGTH = "(2/3) 你的演讲需要多长时间？\n1. 30 分钟\n2. 45 分钟";
  private static final List<Choice> LENGTHS =
      List.of(new Choice("30 分钟", "30"), new Choice("45 分钟", "45"));
  private static final Choice SKIP = new Choice("跳过", "/skip");

  private final EngineHarness h =
      EngineHarness.of(TestConfigs.config(3, TestConfigs.CHOICE_FORM, TestConfigs.GUANGZHOU));

  private String start() {
    h.send("/start");
    String id = h.state.submissionId();
    h.send("Docker 入门");
    return id;
  }

  @Test
  void choiceQuestion_listsTheOptions_andOffersThemAsButtons() {
    h.send("/start");

    assertThat(h.send("Docker 入门").replies()).containsExactly(new Reply(LENGTH, LENGTHS, false));
  }

  @Test
  void pressingAnOption_storesItsId_andAsksTheNextQuestion() {
    String id = start();

    TurnResult r = h.press("45");

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("length", "45"), false));
    assertThat(r.replies())
        .containsExactly(
            new Reply(
                "(3/3) 适合什么水平的听众？\n1. 入门\n2. 进阶\n（选填，可以发送「跳过」）",
                List.of(new Choice("入门", "beginner"), new Choice("进阶", "advanced"), SKIP),
                false));
  }

  @Test
  void typedNumberOrLabel_inEitherLanguage_storesTheId() {
    String id = start();

    assertThat(h.send("2").effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("length", "45"), false));
    h.send("/back");
    assertThat(h.send("30 分钟").effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("length", "30"), false));
    h.send("/back");
    assertThat(h.send("45 Minutes").effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("length", "45"), false));
  }

  @Test
  void anythingElse_isRefusedWithTheList_andTheButtonsAgain() {
    start();

    for (String other : List.of("一小时", "3")) {
      TurnResult r = h.send(other);

      assertThat(r.effects()).isEmpty();
      assertThat(r.replies())
          .containsExactly(
              new Reply(h.t("invalid.choice", "options", "1. 30 分钟\n2. 45 分钟"), LENGTHS, false));
    }
  }

  @Test
  void aPressOfAnotherQuestionsOption_isNoLongerActive() {
    start();
    String lengthKey = ButtonKeys.of(h.state);
    h.press("30");

    TurnResult r = h.send(new Content.Pressed(lengthKey, "45"));

    assertThat(r.effects()).isEmpty();
    assertThat(r.state().fieldId()).isEqualTo("level");
    assertThat(h.send(new Content.Pressed(ButtonKeys.of(h.state), "45")).effects()).isEmpty();
  }

  @Test
  void summaryAndReceipt_showTheLabels_andTheTitleOfTheFieldWithTheTitleRole() {
    start();
    h.press("45");
    h.press("beginner");

    assertThat(h.last.replies().get(0).text())
        .isEqualTo(h.t("review", "answers", "演讲主题：Docker 入门\n时长：45 分钟\n难度：入门"));
    h.send("确认");
    assertThat(h.last.replies().get(0).text()).startsWith("✅ 投稿成功！编号 GZ-01\n《Docker 入门》已提交给组织者");
  }
}
