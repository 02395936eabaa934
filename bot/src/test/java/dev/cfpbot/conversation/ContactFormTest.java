package dev.cfpbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A form with an email and a url field, as an operator may configure it. */
class ContactFormTest {
  private static final String EVENT = "gz-2027-10-docker";
  private static final Choice SKIP = new Choice("跳过", "/skip");

  private final EngineHarness h =
      EngineHarness.of(TestConfigs.config(3, TestConfigs.CONTACT_FORM, TestConfigs.GUANGZHOU));

  @Test
  void email_invalid_isRefused_valid_isSaved() {
    h.send("/start");
    String id = h.state.submissionId();
    assertThat(h.send("张三").replies()).containsExactly(Reply.text("(2/3) 你的邮箱是？"));

    assertThat(h.send("zhangsan#example.com").replies())
        .containsExactly(Reply.text(h.t("invalid.email")));
    assertThat(h.last.effects()).isEmpty();
    TurnResult r = h.send("zhangsan@example.com");

    assertThat(r.effects())
        .containsExactly(
            new Effect.SaveAnswer(id, Answer.text("email", "zhangsan@example.com"), false));
    assertThat(r.replies())
        .containsExactly(new Reply("(3/3) 你的个人主页是？\n（选填，可以发送「跳过」）", List.of(SKIP), false));
  }

  @Test
  void url_invalid_isRefused_validOrLinkCard_isSaved() {
    h.send("/start");
    String id = h.state.submissionId();
    h.send("张三");
    h.send("zhangsan@example.com");

    assertThat(h.send("zhangsan.example.com").replies())
        .containsExactly(new Reply(h.t("invalid.url"), List.of(SKIP), false));
    h.send(new Content.Link("https://zhangsan.example.com", "张三的主页"));

    assertThat(h.last.effects())
        .containsExactly(
            new Effect.SaveAnswer(
                id, Answer.text("homepage", "https://zhangsan.example.com"), false));
    assertThat(h.texts())
        .containsExactly(
            h.t(
                "review",
                "answers",
                "姓名：张三\n邮箱：zhangsan@example.com\n个人主页：https://zhangsan.example.com"));
  }

  @Test
  void linkCard_atATextField_isRefusedAsNotText() {
    h.send("/start");

    assertThat(h.send(new Content.Link("https://example.com", "x")).replies())
        .containsExactly(Reply.text(h.t("invalid.not_text") + "\n\n(1/3) 请问怎么称呼你？"));
  }

  @Test
  void receipt_withoutATitleField_callsTheProposalUntitled() {
    h.send("/start");
    h.send("张三");
    h.send("zhangsan@example.com");
    h.send("/skip");

    TurnResult r = h.send("/confirm");

    assertThat(r.effects()).hasSize(1);
    assertThat(r.replies().get(0).text()).startsWith("✅ 投稿成功！编号 GZ-01\n《未命名》已提交给组织者");
    assertThat(h.only().eventId()).isEqualTo(EVENT);
  }
}
