package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.SeedForm.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A channel that starts again (the console after a restart) says so with {@link Content.Resumed}:
 * where a conversation in progress stands, and its question again, so that the next line typed is
 * not taken silently as the answer to a question no longer on the screen.
 */
class AfterRestartTest {
  private final EngineHarness h = EngineHarness.seed();

  @Test
  void resumed_inTheMiddleOfADraft_saysWhereItStands_andAsksTheQuestionAgain() {
    SeedForm.startAndAnswer(h, 3);
    ConversationState before = h.state;

    TurnResult r = h.send(new Content.Resumed());

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                "欢迎回来！你为「Techparty 广州 · Docker 技术沙龙」填写的投稿还没有完成（已回答 3/7 项），从这里接着来：\n\n"
                    + SeedForm.Q4,
                List.of(),
                true));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(before);
  }

  @Test
  void resumed_inEnglish_saysWhereItStands() {
    h.send("/lang en");
    SeedForm.startAndAnswer(h, 1);

    TurnResult r = h.send(new Content.Resumed());

    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                "Welcome back! Your proposal for Techparty Guangzhou · Docker Salon is not finished"
                    + " yet (1 of 7 questions answered). Here is where you stopped:\n\n(2/7) Please"
                    + " introduce yourself briefly — where you work, what you do, and your story"
                    + " with Docker."));
  }

  @Test
  void resumed_atTheSummaryOfADraft_showsTheSummaryAgain() {
    SeedForm.fill(h, TITLE);

    TurnResult r = h.send(new Content.Resumed());

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                "欢迎回来！你为「Techparty 广州 · Docker 技术沙龙」填写的投稿还没有完成（已回答 7/7 项），从这里接着来：\n\n"
                    + h.t("review", "answers", SeedForm.block(TITLE)),
                SeedForm.REVIEW_CHOICES,
                false));
  }

  @Test
  void resumed_whileEditingASubmittedProposal_saysTheChangesAreNotSaved() {
    SeedForm.submit(h, TITLE);
    h.send("修改");
    h.send("5");
    h.send("Docker 镜像安全实践");

    TurnResult r = h.send(new Content.Resumed());

    assertThat(r.replies().get(0).text())
        .startsWith("欢迎回来！你正在修改 GZ-01，修改还没有保存：\n\n你正在修改 GZ-01：\n\n");
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void resumed_atAnotherQuestion_saysWhereWeWere() {
    SeedForm.submit(h, TITLE);
    h.send("撤回");

    TurnResult r = h.send(new Content.Resumed());

    assertThat(r.replies().get(0).text())
        .isEqualTo("欢迎回来！我们上次聊到这里：\n\n" + h.t("withdraw.confirm", "name", "GZ-01 《" + TITLE + "》"));
  }

  @Test
  void resumed_whenIdle_saysNothing() {
    SeedForm.submit(h, TITLE);

    TurnResult r = h.send(new Content.Resumed());

    assertThat(r.replies()).isEmpty();
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }
}
