package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static dev.cfpbot.conversation.SeedForm.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 修改 on a submitted proposal reaches the list of answers at once, and its texts say "save". */
class EditInOneStepTest {
  private static final String NEW_TITLE = "Docker 镜像安全实践";
  private static final List<String> LABELS =
      List.of("姓名", "自我介绍", "微信号", "联系电话", "演讲主题", "主题简要介绍", "演讲稿");
  private static final List<String> IDS =
      List.of("name", "bio", "wechat", "phone", "title", "abstract", "slides");

  private final EngineHarness h = EngineHarness.seed();

  private static Reply list(String header) {
    List<String> values =
        List.of(
            SeedForm.NAME,
            SeedForm.BIO,
            SeedForm.WECHAT,
            SeedForm.PHONE,
            TITLE,
            SeedForm.ABSTRACT,
            SeedForm.SLIDES_LINK);
    List<String> lines = new ArrayList<>();
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < LABELS.size(); i++) {
      lines.add((i + 1) + ". " + LABELS.get(i) + "：" + ReviewFlow.shorten(values.get(i)));
      choices.add(new Choice(LABELS.get(i), "/edit " + IDS.get(i)));
    }
    return new Reply(header + "\n" + String.join("\n", lines), choices, false);
  }

  @Test
  void edit_thenANumber_asksThatField() {
    String id = SeedForm.submit(h, TITLE);

    TurnResult r = h.send("修改");

    assertThat(r.replies()).containsExactly(list("要修改 GZ-01 《" + TITLE + "》的哪一项？请回复编号："));
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.PICK_FIELD, SEED_EVENT, id));
    assertThat(h.send("5").replies()).containsExactly(Reply.text(SeedForm.Q5 + "\n当前的回答：" + TITLE));
    h.send(NEW_TITLE);
    assertThat(h.pendingEdits(id)).containsEntry("title", Answer.text("title", NEW_TITLE));
  }

  @Test
  void edit_inEnglish_namesTheProposal() {
    h.send("/lang en");
    SeedForm.submit(h, TITLE);

    TurnResult r = h.send("edit");

    assertThat(r.replies().get(0).text())
        .startsWith(
            "Which answer of GZ-01 “"
                + TITLE
                + "” do you want to change? Reply with its number:\n1. Name: 张三");
  }

  @Test
  void somethingElse_atTheSummaryOfASubmittedProposal_saysSaveTheChanges_notSubmit() {
    SeedForm.submit(h, TITLE);
    h.send("修改");
    h.send("5");
    h.send(NEW_TITLE);

    TurnResult r = h.send("好的");

    assertThat(r.replies())
        .containsExactly(
            new Reply("请回复「确认」保存修改，「修改」更改某一项，或「取消」放弃修改。", SeedForm.REVIEW_CHOICES, false));
  }

  @Test
  void somethingElse_atTheSummaryOfASubmittedProposal_inEnglish_saysSaveTheChanges() {
    h.send("/lang en");
    SeedForm.submit(h, TITLE);
    h.send("edit");
    h.send("5");
    h.send(NEW_TITLE);

    TurnResult r = h.send("ok");

    assertThat(r.replies().get(0).text())
        .isEqualTo(
            "Please reply \"confirm\" to save your changes, \"edit\" to change an answer, or"
                + " \"cancel\" to discard the changes.");
  }

  @Test
  void somethingElse_atTheSummaryOfADraft_stillSaysSubmit() {
    SeedForm.fill(h, TITLE);

    h.send("好的");

    assertThat(h.texts()).containsExactly(h.t("expect.review"));
  }
}
