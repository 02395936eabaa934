package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static dev.cfpbot.conversation.SeedForm.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary of a draft: confirm it, change an answer, or go back. */
class ReviewTest {
  private static final String FIELD_LIST =
      """
      1. 姓名：张三
      2. 自我介绍：某互联网公司运维工程师，负责把 200 多个服务迁移到 D…
      3. 微信号：zhangsan_docker
      4. 联系电话：+8613800138000
      5. 演讲主题：从零到生产：我们的 Docker 迁移之路
      6. 主题简要介绍：介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过…
      7. 演讲稿：https://pan.baidu.com/s/1dock…""";

  private final EngineHarness h = EngineHarness.seed();

  @Test
  void confirm_submitsTheDraft_withNumberOneAndCodeGz01() {
    String id = SeedForm.fill(h, TITLE);

    TurnResult r = h.send("/confirm");

    assertThat(r.effects()).containsExactly(new Effect.Submit(id, 1, "GZ-01"));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    Submission s = h.only();
    assertThat(s.state()).isEqualTo(SubmissionState.SUBMITTED);
    assertThat(s.code()).isEqualTo("GZ-01");
  }

  @Test
  void confirm_sendsAReceipt_withTheCodeTheTitleAndTheAnswers() {
    SeedForm.fill(h, TITLE);

    TurnResult r = h.send("确认");

    String receipt =
        "✅ 投稿成功！编号 GZ-01\n"
            + "《从零到生产：我们的 Docker 迁移之路》已提交给组织者，评选后会联系你。截止（"
            + SeedForm.DEADLINE
            + "）前可以发送「修改」更改，或「撤回」撤回。\n\n"
            + SeedForm.block(TITLE);
    assertThat(r.replies()).containsExactly(Reply.text(receipt));
    assertThat(receipt)
        .contains("\n姓名：张三\n", "\n联系电话：+8613800138000\n", "\n演讲主题：从零到生产：我们的 Docker 迁移之路\n");
  }

  @Test
  void confirm_numbersTheNextProposalAfterTheSpeakersFirst() {
    SeedForm.submit(h, "第一个议题");
    String id = SeedForm.fill(h, "第二个议题");

    TurnResult r = h.send("/confirm");

    assertThat(r.effects()).containsExactly(new Effect.Submit(id, 2, "GZ-02"));
    assertThat(r.replies().get(0).text()).startsWith("✅ 投稿成功！编号 GZ-02\n《第二个议题》已提交给组织者");
  }

  @Test
  void receipt_titleContainingAPlaceholder_isShownAsTyped() {
    String title = "模板里的 {answers} 和 {code}";
    SeedForm.fill(h, title);

    TurnResult r = h.send("/confirm");

    assertThat(r.replies().get(0).text())
        .isEqualTo(
            "✅ 投稿成功！编号 GZ-01\n《"
                + title
                + "》已提交给组织者，评选后会联系你。截止（"
                + SeedForm.DEADLINE
                + "）前可以发送「修改」更改，或「撤回」撤回。\n\n"
                + SeedForm.block(title));
  }

  @Test
  void edit_fromTheSummary_listsTheFieldsWithTheirAnswers() {
    String id = SeedForm.fill(h, TITLE);

    TurnResult r = h.send("/edit");

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("edit.pick_field", "list", FIELD_LIST),
                List.of(
                    new Choice("姓名", "/edit name"),
                    new Choice("自我介绍", "/edit bio"),
                    new Choice("微信号", "/edit wechat"),
                    new Choice("联系电话", "/edit phone"),
                    new Choice("演讲主题", "/edit title"),
                    new Choice("主题简要介绍", "/edit abstract"),
                    new Choice("演讲稿", "/edit slides")),
                false));
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.PICK_FIELD, SEED_EVENT, id));
  }

  @Test
  void editTitle_fromTheSummary_asksTheTitle_thenReturnsToTheSummary() {
    String id = SeedForm.fill(h, TITLE);

    TurnResult asked = h.send("/edit title");

    assertThat(asked.replies()).containsExactly(Reply.text(SeedForm.Q5 + "\n当前的回答：" + TITLE));
    assertThat(asked.state()).isEqualTo(ConversationState.ask(SEED_EVENT, id, "title", true));

    TurnResult answered = h.send("Docker 镜像安全实践");

    assertThat(answered.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("title", "Docker 镜像安全实践"), false));
    assertThat(answered.replies())
        .containsExactly(
            new Reply(
                h.t("review", "answers", SeedForm.block("Docker 镜像安全实践")),
                SeedForm.REVIEW_CHOICES,
                false));
    assertThat(answered.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
  }

  @Test
  void pickField_byNumberOrLabel_asksThatField() {
    String id = SeedForm.fill(h, TITLE);
    h.send("修改");

    assertThat(h.send("1").replies()).containsExactly(Reply.text(SeedForm.Q1 + "\n当前的回答：张三"));
    assertThat(h.state).isEqualTo(ConversationState.ask(SEED_EVENT, id, "name", true));

    h.send("/back");
    h.send("/edit");
    h.send("联系电话");
    assertThat(h.state).isEqualTo(ConversationState.ask(SEED_EVENT, id, "phone", true));
  }

  @Test
  void pickField_unknownAnswer_saysSo_andListsTheFieldsAgain() {
    SeedForm.fill(h, TITLE);
    h.send("/edit");

    TurnResult r = h.send("8");

    assertThat(r.replies().get(0)).isEqualTo(Reply.text(h.t("pick.invalid")));
    assertThat(r.replies().get(1).text()).isEqualTo(h.t("edit.pick_field", "list", FIELD_LIST));
    assertThat(r.state().step()).isEqualTo(Step.PICK_FIELD);
  }

  @Test
  void back_whileChangingAFieldFromTheSummary_returnsToTheSummary() {
    String id = SeedForm.fill(h, TITLE);
    h.send("/edit abstract");

    TurnResult r = h.send("/back");

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("review", "answers", SeedForm.block(TITLE)), SeedForm.REVIEW_CHOICES, false));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
  }

  @Test
  void back_fromTheSummary_asksTheLastField() {
    String id = SeedForm.fill(h, TITLE);

    TurnResult r = h.send("/back");

    assertThat(r.replies())
        .containsExactly(SeedForm.atSlides(id, SeedForm.Q7 + "\n当前的回答：" + SeedForm.SLIDES_LINK));
    assertThat(r.state()).isEqualTo(ConversationState.ask(SEED_EVENT, id, "slides", false));
  }

  @Test
  void textAtTheSummary_isNoAnswer_andSaysWhatToReply() {
    SeedForm.fill(h, TITLE);

    TurnResult r = h.send("好的");

    assertThat(r.replies())
        .containsExactly(new Reply(h.t("expect.review"), SeedForm.REVIEW_CHOICES, false));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state().step()).isEqualTo(Step.REVIEW);
  }

  @Test
  void skipAtTheSummary_saysThereIsNothingToSkip_andShowsTheSummaryAgain() {
    SeedForm.fill(h, TITLE);

    TurnResult r = h.send("/skip");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(h.t("skip.nothing")),
            new Reply(
                h.t("review", "answers", SeedForm.block(TITLE)), SeedForm.REVIEW_CHOICES, false));
  }
}
