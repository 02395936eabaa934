package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static dev.cfpbot.conversation.SeedForm.Q2;
import static dev.cfpbot.conversation.SeedForm.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.FileRef;
import dev.cfpbot.i18n.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /mydata and /forget in the engine: what it asks for, and the confirmation before deleting. */
class DataRightsFlowTest {
  private static final List<Choice> FORGET_CHOICES =
      List.of(new Choice("🗑 确认删除", "/forget confirm"), new Choice("保留", "/cancel"));
  private static final String KEEP_IN_MIND = "删除后无法恢复。回复「确认删除」执行；发送其他任何内容都会取消。";

  private final EngineHarness h = EngineHarness.seed();

  @Test
  void myData_byCommandOrWord_asksForTheCopy_andChangesNothing() {
    for (String text : List.of("/mydata", "我的数据", "My Data")) {
      TurnResult r = h.send(text);

      assertThat(r.effects()).as(text).containsExactly(new Effect.ShowData());
      assertThat(r.replies()).as(text).isEmpty();
      assertThat(r.state()).as(text).isEqualTo(ConversationState.idle());
    }
  }

  @Test
  void myData_duringTheForm_asksTheQuestionAgainAfterTheCopy() {
    SeedForm.startAndAnswer(h, 1);

    TurnResult r = h.send("/mydata");

    assertThat(r.effects()).containsExactly(new Effect.ShowData());
    assertThat(r.replies()).extracting(Reply::text).containsExactly(Q2);
  }

  @Test
  void forget_saysExactlyWhatWouldBeDeleted_andWaitsForTheWord() {
    SeedForm.submit(h, TITLE);
    SeedForm.startAndAnswer(h, 6);
    FileRef slides = new FileRef("slides.pdf", "application/pdf", 2048, "ab", "files/ab.pdf", null);
    h.send(new Content.Attachment("slides.pdf", "application/pdf", 2048, null, slides, null));

    TurnResult r = h.send("/forget");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                "⚠️ 确定要删除你的全部数据吗？将会删除：\n"
                    + "• 你的资料：名字「张三」、语言和提醒设置\n"
                    + "• 1 个投稿的全部回答（包括未确认的修改）：GZ-01 《从零到生产：我们的 Docker 迁移之路》。"
                    + "编号会保留并标记为「已删除」，组织者的统计不受影响，他们会收到一条只有编号的通知\n"
                    + "• 1 份未提交的草稿\n"
                    + "• 1 个文件：slides.pdf (2 KB)\n"
                    + "• 我们的对话进度\n"
                    + KEEP_IN_MIND,
                FORGET_CHOICES));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state().step()).isEqualTo(Step.CONFIRM_FORGET);
  }

  @Test
  void forget_inEnglish_asksInEnglish_andTheButtonSendsTheConfirmCommand() {
    h.send("/lang en");

    TurnResult r = h.send("forget my data");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                "⚠️ Delete all your data? This deletes:\n"
                    + "• your profile: the name \"张三\", your language and reminder setting\n"
                    + "• where we are in our conversation\n"
                    + "This cannot be undone. Reply \"delete\" to go ahead; anything else cancels.",
                List.of(
                    new Choice("🗑 Delete everything", "/forget confirm"),
                    new Choice("Keep it", "/cancel"))));
  }

  @Test
  void confirmCommandOfTheButton_deletesLikeTheWord() {
    h.send("删除我的数据");

    TurnResult r = h.send("/forget confirm");

    assertThat(r.effects()).containsExactly(new Effect.Forget());
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void confirmWord_deletes_andSaysWhichCodesStay() {
    SeedForm.submit(h, TITLE);
    h.send("删除我的数据");

    TurnResult r = h.send("确认删除");

    assertThat(r.effects()).containsExactly(new Effect.Forget());
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                "✅ 你的数据已全部删除，无法恢复。投稿编号 GZ-01 保留为「已删除」，组织者已收到通知（不含你的任何信息）。"
                    + "如果再给我发消息，会作为新用户重新开始。"));
  }

  @Test
  void confirmWord_inEitherLanguageAndCase_deletes() {
    h.speaker = h.speaker.withLanguage(Lang.EN.code());
    h.send("/forget");

    TurnResult r = h.send(" DELETE ");

    assertThat(r.effects()).containsExactly(new Effect.Forget());
    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                "✅ All your data is deleted; it cannot be restored. If you write to me again, you"
                    + " start afresh as a new user."));
  }

  @Test
  void anythingElse_cancels_andAsksTheQuestionTheSpeakerWasAt() {
    String id = SeedForm.startAndAnswer(h, 1);
    h.send("/forget");

    TurnResult r = h.send("确认");

    assertThat(r.effects()).isEmpty();
    assertThat(r.replies()).extracting(Reply::text).containsExactly("好的，已取消，什么都没有删除。", Q2);
    assertThat(r.state()).isEqualTo(ConversationState.ask(SEED_EVENT, id, "bio", false));
  }

  @Test
  void anotherCommand_cancels_andIsCarriedOut() {
    SeedForm.submit(h, TITLE);
    h.send("/forget");

    TurnResult r = h.send("/status");

    assertThat(r.effects()).isEmpty();
    assertThat(r.replies())
        .extracting(Reply::text)
        .containsExactly(
            "好的，已取消，什么都没有删除。",
            "你的投稿：\n• GZ-01 《从零到生产：我们的 Docker 迁移之路》 — 已提交，等待评选 · " + SeedForm.EVENT_TITLE);
  }

  @Test
  void cancel_cancelsOnce() {
    h.send("/forget");

    TurnResult r = h.send("/cancel");

    assertThat(r.replies()).extracting(Reply::text).containsExactly("好的，已取消，什么都没有删除。");
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void aFile_cancels() {
    h.send("/forget");

    TurnResult r = h.send(new Content.Attachment("x.pdf", "application/pdf", 10, null));

    assertThat(r.effects()).isEmpty();
    assertThat(r.replies()).extracting(Reply::text).containsExactly("好的，已取消，什么都没有删除。");
  }

  @Test
  void fromTheSummary_confirmCancels_andGoesBackToTheSummaryWithoutSubmitting() {
    String id = SeedForm.fill(h, TITLE);
    h.send("/forget");

    TurnResult r = h.send("确认");

    assertThat(r.effects()).isEmpty();
    assertThat(r.replies().get(0).text()).isEqualTo("好的，已取消，什么都没有删除。");
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
    assertThat(r.replies().get(1).text()).startsWith("请核对你的投稿：");
  }

  @Test
  void help_listsTheDataCommands() {
    assertThat(h.t("help")).contains("我的数据 /mydata — 查看我们保存的关于你的全部数据", "删除我的数据 /forget — 删除你的全部数据");
    assertThat(h.messages.text(Lang.EN, "help"))
        .contains(
            "my data /mydata — everything we store about you",
            "forget my data /forget — delete all your data");
  }

  @Test
  void privacyLine_saysWhoSeesTheAnswers_forHowLong_andHowToSeeAndDeleteThem() {
    TurnResult r = h.send("/start");

    assertThat(r.replies().get(0).text())
        .contains(
            "🔒 你填写的内容只有本次活动的组织者能看到，用于评选议题和联系你。活动结束 180 天后，你的电话、微信号和未入选投稿的内容都会被删除。"
                + "随时可以发送「我的数据」（/mydata）查看我们保存的关于你的全部内容，或「删除我的数据」（/forget）把它们删除。");
    assertThat(h.messages.text(Lang.EN, "privacy", "days", 30))
        .isEqualTo(
            "🔒 Only the organizers of this event see your answers: they use them to choose talks and"
                + " to contact you. 30 days after the event, your phone number, WeChat ID and the"
                + " answers of talks that were not accepted are deleted. Send \"my data\" (/mydata) at"
                + " any time to see everything stored about you, or \"forget my data\" (/forget) to"
                + " delete it.");
  }

  @Test
  void privacyLine_followsTheConfiguredRetention() {
    String yaml =
        """
        privacy:
          retention_days: 30
        events:
          - id: gz-2027-10-docker
            title: Docker
            deadline: 2027-10-30T23:59
        form:
          fields:
            - id: name
              type: short_text
              required: true
              label: {zh: 姓名, en: Name}
              prompt: {zh: "姓名？", en: "Name?"}
        """;
    EngineHarness small = EngineHarness.of(yaml);

    TurnResult r = small.send("/start");

    assertThat(r.replies().get(0).text()).contains("活动结束 30 天后");
  }
}
