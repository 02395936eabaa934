package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.SeedForm.ABSTRACT;
import static dev.cfpbot.conversation.SeedForm.BIO;
import static dev.cfpbot.conversation.SeedForm.NAME;
import static dev.cfpbot.conversation.SeedForm.PHONE;
import static dev.cfpbot.conversation.SeedForm.Q1;
import static dev.cfpbot.conversation.SeedForm.Q2;
import static dev.cfpbot.conversation.SeedForm.Q3;
import static dev.cfpbot.conversation.SeedForm.Q4;
import static dev.cfpbot.conversation.SeedForm.Q5;
import static dev.cfpbot.conversation.SeedForm.Q6;
import static dev.cfpbot.conversation.SeedForm.Q7;
import static dev.cfpbot.conversation.SeedForm.SKIP;
import static dev.cfpbot.conversation.SeedForm.SLIDES_LINK;
import static dev.cfpbot.conversation.SeedForm.TITLE;
import static dev.cfpbot.conversation.SeedForm.WECHAT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.i18n.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starting a proposal and filling in the seed form: answers, back, skip, cancel, help. */
class FormFillingTest {
  private final EngineHarness h = EngineHarness.seed();

  private static Reply ask(String question, Choice... choices) {
    return new Reply(question, List.of(choices), false);
  }

  @Test
  void start_greetsWithEventSummaryAndPrivacy_thenAsksFieldOneOfSeven() {
    TurnResult r = h.send("/start");

    String id = h.lastInput.newId();
    String summary =
        new Templates(h.messages)
            .event(h.config.event(EngineHarness.SEED_EVENT).orElseThrow(), Lang.ZH);
    assertThat(summary)
        .startsWith("📣 Techparty 广州 · Docker 技术沙龙\nDocker 正在改变我们开发、交付和运行软件的方式。")
        .contains("🗓 时间：2027年10月31日（周日） 13:30–17:30 (Asia/Shanghai, UTC+8)")
        .contains("📍 地点：待定")
        .contains("⏰ 投稿截止：" + SeedForm.DEADLINE)
        .contains("• Docker 的原理，以及和虚拟机的区别\n• Docker 给开发和运维带来的改变")
        .endsWith("联系组织者：" + SeedForm.CONTACT);
    // The call and the first question: one message.
    assertThat(r.replies())
        .containsExactly(
            ask(
                summary
                    + "\n\n"
                    + h.t("privacy", "days", 180)
                    + "\n\n"
                    + h.t("form.start", "count", 7)
                    + "\n\n"
                    + Q1));
    assertThat(r.effects()).containsExactly(new Effect.CreateDraft(id, EngineHarness.SEED_EVENT));
    assertThat(r.state())
        .isEqualTo(ConversationState.ask(EngineHarness.SEED_EVENT, id, "name", false));
  }

  @Test
  void seedForm_answeredInOrderByText_savesEachAnswer_andEndsInTheSummary() {
    h.send("投稿");
    String id = h.state.submissionId();

    assertThat(h.send(NAME).replies()).containsExactly(ask(Q2));
    assertThat(h.last.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("name", NAME), false));
    assertThat(h.send(BIO).replies()).containsExactly(ask(Q3, SKIP));
    assertThat(h.send(WECHAT).replies()).containsExactly(new Reply(Q4, List.of(), true));
    assertThat(h.send(SeedForm.PHONE_TYPED).replies()).containsExactly(ask(Q5));
    assertThat(h.last.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("phone", PHONE), false));
    assertThat(h.send(TITLE).replies()).containsExactly(ask(Q6));
    assertThat(h.send(ABSTRACT).replies()).containsExactly(SeedForm.atSlides(id, Q7));
    TurnResult r = h.send(SLIDES_LINK);

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("slides", SLIDES_LINK), false));
    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("review", "answers", SeedForm.block(TITLE)), SeedForm.REVIEW_CHOICES, false));
    assertThat(r.state())
        .isEqualTo(ConversationState.on(Step.REVIEW, EngineHarness.SEED_EVENT, id));
    assertThat(h.answers(id))
        .containsOnlyKeys("name", "bio", "wechat", "phone", "title", "abstract", "slides");
  }

  @Test
  void back_atTheFirstField_saysSo_andAsksItAgain() {
    h.send("/start");
    String id = h.state.submissionId();

    TurnResult r = h.send("/back");

    assertThat(r.replies()).containsExactly(Reply.text(h.t("back.first")), ask(Q1));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state())
        .isEqualTo(ConversationState.ask(EngineHarness.SEED_EVENT, id, "name", false));
  }

  @Test
  void back_fromFieldThree_asksFieldTwo_showingTheCurrentAnswer() {
    String id = SeedForm.startAndAnswer(h, 2);

    TurnResult r = h.send("返回");

    assertThat(r.replies()).containsExactly(ask(Q2 + "\n当前的回答：" + BIO));
    assertThat(r.state())
        .isEqualTo(ConversationState.ask(EngineHarness.SEED_EVENT, id, "bio", false));
    assertThat(h.send("在某公司做运维。").replies()).containsExactly(ask(Q3, SKIP));
    assertThat(h.answers(id).get("bio")).isEqualTo(Answer.text("bio", "在某公司做运维。"));
  }

  @Test
  void skip_onOptionalWechat_removesTheAnswer_andAsksThePhone() {
    String id = SeedForm.startAndAnswer(h, 2);

    TurnResult r = h.send("/skip");

    assertThat(r.effects()).containsExactly(new Effect.RemoveAnswer(id, "wechat"));
    assertThat(r.replies()).containsExactly(new Reply(Q4, List.of(), true));
    assertThat(r.state())
        .isEqualTo(ConversationState.ask(EngineHarness.SEED_EVENT, id, "phone", false));
  }

  @Test
  void skip_onOptionalSlides_showsTheSummaryWithoutSlides() {
    String id = SeedForm.startAndAnswer(h, 6);

    TurnResult r = h.send("跳过");

    assertThat(r.effects()).containsExactly(new Effect.RemoveAnswer(id, "slides"));
    String block = SeedForm.block(TITLE).replace("演讲稿：" + SLIDES_LINK, "演讲稿：（未填写）");
    assertThat(r.replies())
        .containsExactly(
            new Reply(h.t("review", "answers", block), SeedForm.REVIEW_CHOICES, false));
  }

  @Test
  void skip_onRequiredField_isRefused_andAsksAgain() {
    String id = SeedForm.startAndAnswer(h, 3);

    TurnResult r = h.send("/skip");

    assertThat(r.effects()).isEmpty();
    assertThat(r.replies())
        .containsExactly(Reply.text("「联系电话」是必填项，不能跳过。"), new Reply(Q4, List.of(), true));
    assertThat(r.state())
        .isEqualTo(ConversationState.ask(EngineHarness.SEED_EVENT, id, "phone", false));
  }

  @Test
  void cancel_duringADraft_discardsItOnceConfirmed_andOffersToStartAgain() {
    String id = SeedForm.startAndAnswer(h, 4);
    assertThat(h.send("/cancel").effects()).isEmpty();

    TurnResult r = h.send("确认");

    assertThat(r.effects()).containsExactly(new Effect.DiscardDraft(id));
    assertThat(r.replies())
        .containsExactly(
            new Reply(h.t("cancel.draft"), List.of(new Choice("我要投稿", "/start")), false));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    assertThat(h.submissions()).isEmpty();
  }

  @Test
  void cancel_whenIdle_saysThereIsNothingToCancel() {
    TurnResult r = h.send("取消");

    assertThat(r.replies()).containsExactly(Reply.text(h.t("cancel.nothing")));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void edit_duringTheForm_explainsTheSummary_andAsksAgain() {
    SeedForm.startAndAnswer(h, 1);

    TurnResult r = h.send("/edit");

    assertThat(r.replies()).containsExactly(Reply.text(h.t("edit.during_form")), ask(Q2));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void help_duringTheForm_includesTheCurrentFieldsHelp_andAsksAgain() {
    SeedForm.startAndAnswer(h, 3);

    TurnResult r = h.send("帮助");

    String help =
        h.t("help")
            + "\n\n"
            + "当前的问题：「联系电话」，必填：中国大陆手机号（如 138 0013 8000），或带国家/地区代码的号码（如香港 +852 5123 4567）。"
            + "\n"
            + "例如：138 0013 8000";
    assertThat(r.replies()).containsExactly(Reply.text(help), new Reply(Q4, List.of(), true));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void help_onAnOptionalField_saysItIsOptional() {
    SeedForm.startAndAnswer(h, 2);

    h.send("/help");

    assertThat(h.texts().get(0))
        .isEqualTo(
            h.t("help") + "\n\n当前的问题：「微信号」，选填：" + h.t("rule.wechat_id") + "\n例如：zhangsan_docker");
  }

  @Test
  void help_whenIdle_isTheCommandList() {
    TurnResult r = h.send("/help");

    assertThat(r.replies()).containsExactly(Reply.text(h.t("help")));
    assertThat(h.t("help")).contains("投稿 /start — 开始新的投稿", "撤回 /withdraw — 撤回已提交的投稿");
  }
}
