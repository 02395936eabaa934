package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refused answers: the reason, the example, and help after repeated failures. */
class ValidationRepromptTest {
  private static final long MB = 1024L * 1024L;
  private static final String PHONE_EXAMPLE = "\n例如：138 0013 8000";
  private static final Choice HELP = new Choice("帮助", "/help");
  private static final Choice CANCEL = new Choice("取消", "/cancel");

  private final EngineHarness h = EngineHarness.seed();

  private String atField(int answered) {
    return SeedForm.startAndAnswer(h, answered);
  }

  @Test
  void invalidPhone_getsTheReasonAndTheExample_andStaysOnTheField() {
    String id = atField(3);

    TurnResult r = h.send("12345");

    assertThat(r.replies())
        .containsExactly(new Reply(h.t("invalid.phone") + PHONE_EXAMPLE, List.of(), true));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state())
        .isEqualTo(ConversationState.ask(SEED_EVENT, id, "phone", false).withFailures(1));
  }

  @Test
  void threeFailuresInARow_onARequiredField_offerHelpAndCancel() {
    atField(3);
    h.send("12345");
    h.send("020-12345678");

    TurnResult r = h.send("电话号码");

    String text = h.t("invalid.phone") + PHONE_EXAMPLE + "\n\n" + h.t("invalid.stuck_required");
    assertThat(r.replies()).containsExactly(new Reply(text, List.of(HELP, CANCEL), true));
    assertThat(r.state().failures()).isEqualTo(3);
  }

  @Test
  void threeFailuresInARow_onAnOptionalField_offerHelpSkipAndCancel() {
    atField(2);
    String reason = h.t("invalid.wechat") + "\n例如：zhangsan_docker";

    assertThat(h.send("1ab").replies())
        .containsExactly(new Reply(reason, List.of(SeedForm.SKIP), false));
    h.send("张三的微信");
    TurnResult r = h.send("a b");

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                reason + "\n\n" + h.t("invalid.stuck_optional"),
                List.of(HELP, SeedForm.SKIP, CANCEL),
                false));
  }

  @Test
  void validAnswer_resetsTheFailureCount() {
    String id = atField(3);
    h.send("12345");
    h.send("12345");

    h.send("+852 5123 4567");

    assertThat(h.state).isEqualTo(ConversationState.ask(SEED_EVENT, id, "title", false));
    assertThat(h.answers(id).get("phone")).isEqualTo(Answer.text("phone", "+85251234567"));
    h.send("长".repeat(61));
    assertThat(h.state.failures()).isEqualTo(1);
  }

  @Test
  void help_afterFailures_countsAsTheOfferOfHelp() {
    atField(3);
    h.send("12345");
    h.send("12345");

    h.send("/help");

    assertThat(h.state.failures()).isEqualTo(3);
    assertThat(h.send("12345").replies().get(0).choices()).isEmpty();
  }

  @Test
  void photoAndSticker_whereTextIsExpected_areRefusedAsNotText_onTheSameField() {
    String id = atField(0);
    Reply refused = Reply.text(h.t("invalid.not_text") + "\n\n" + SeedForm.Q1);

    assertThat(h.send(new Content.Unsupported("photo")).replies()).containsExactly(refused);
    assertThat(h.send(new Content.Unsupported("sticker")).replies()).containsExactly(refused);

    assertThat(h.last.effects()).isEmpty();
    assertThat(h.state)
        .isEqualTo(ConversationState.ask(SEED_EVENT, id, "name", false).withFailures(2));
    assertThat(h.answers(id)).isEmpty();
  }

  @Test
  void emptyText_whereTextIsExpected_isRefusedAsEmpty_onTheSameField() {
    String id = atField(0);
    Reply refused = Reply.text(h.t("invalid.empty") + "\n例如：张三");

    assertThat(h.send("").replies()).containsExactly(refused);
    assertThat(h.send(" \n\u0000 ").replies()).containsExactly(refused);

    assertThat(h.last.effects()).isEmpty();
    assertThat(h.state)
        .isEqualTo(ConversationState.ask(SEED_EVENT, id, "name", false).withFailures(2));
  }

  @Test
  void attachment_atATextField_isRefusedAsNotText() {
    atField(0);

    TurnResult r = h.send(new Content.Attachment("cv.pdf", "application/pdf", MB, "ref-1"));

    assertThat(r.replies())
        .containsExactly(Reply.text(h.t("invalid.not_text") + "\n\n" + SeedForm.Q1));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void sharedContact_atThePhoneField_isAccepted() {
    String id = atField(3);

    TurnResult r = h.send(new Content.SharedContact("8613800138000"));

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("phone", "+8613800138000"), false));
    assertThat(r.replies()).containsExactly(Reply.text(SeedForm.Q5));
  }

  @Test
  void textOverMaxLength_isRefused_neverTruncated() {
    atField(4);
    String title = "Docker".repeat(10) + "！";

    TurnResult r = h.send(title);

    String reason = "「演讲主题」最多 60 个字，你发了 61 个字。请精简后再发（不会被自动截断）。";
    assertThat(r.replies()).containsExactly(Reply.text(reason + "\n例如：从零到生产：我们的 Docker 迁移之路"));
    assertThat(r.effects()).isEmpty();
    assertThat(h.state.fieldId()).isEqualTo("title");
  }

  @Test
  void textBelowMinLength_isRefusedAsTooShort() {
    atField(5);

    TurnResult r = h.send("讲讲 Docker");

    assertThat(r.replies().get(0).text())
        .isEqualTo("「主题简要介绍」至少需要 20 个字，再多写一点吧。\n例如：介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。");
    assertThat(r.effects()).isEmpty();
  }
}
