package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.SeedForm.EVENT_TITLE;
import static dev.cfpbot.conversation.SeedForm.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** /status: each proposal once, as the organizers have it, and edits that are not saved yet. */
class StatusTest {
  private static final String NEW_TITLE = "Docker 镜像安全实践";

  private final EngineHarness h = EngineHarness.seed();

  @Test
  void draft_isNamedOnce_withItsState() {
    SeedForm.startAndAnswer(h, 0);

    TurnResult r = h.send("/status");

    assertThat(r.replies().get(0))
        .isEqualTo(Reply.text("你的投稿：\n• 《未命名》 — 草稿（未提交） · " + EVENT_TITLE));
  }

  @Test
  void draft_inEnglish_isNamedOnce_withItsState() {
    h.send("/lang en");
    SeedForm.startAndAnswer(h, 0);

    TurnResult r = h.send("/status");

    assertThat(r.replies().get(0))
        .isEqualTo(
            Reply.text(
                "Your proposals:\n• “untitled” — draft (not submitted) · Techparty Guangzhou · Docker Salon"));
  }

  @Test
  void unsavedEdits_showTheSubmittedVersion_andSayTheChangesWait() {
    SeedForm.submit(h, TITLE);
    h.send("修改");
    h.send("5");
    h.send(NEW_TITLE);

    TurnResult r = h.send("/status");

    assertThat(r.replies().get(0))
        .isEqualTo(
            Reply.text(
                "你的投稿：\n• GZ-01 《"
                    + TITLE
                    + "》 — 已提交，等待评选 · "
                    + EVENT_TITLE
                    + "\n  ✏️ 还有未保存的修改（演讲主题）：组织者看到的仍是上面这一版。在汇总里回复「确认」保存，或发送「取消」放弃。"));
    assertThat(r.replies().get(1).text()).startsWith("你正在修改 GZ-01：");
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void unsavedEdits_inEnglish_showTheSubmittedVersion_andSayTheChangesWait() {
    h.send("/lang en");
    SeedForm.submit(h, TITLE);
    h.send("edit");
    h.send("5");
    h.send(NEW_TITLE);

    TurnResult r = h.send("status");

    assertThat(r.replies().get(0).text())
        .isEqualTo(
            "Your proposals:\n• GZ-01 “"
                + TITLE
                + "” — submitted, awaiting review · Techparty Guangzhou · Docker Salon"
                + "\n  ✏️ Unsaved changes (Talk title) are waiting: the organizers still see the"
                + " version above. Reply \"confirm\" at the summary to save them, or send"
                + " \"cancel\" to drop them.");
  }

  @Test
  void unsavedEdits_whenTheConversationIsElsewhere_sayHowToGetBackToThem() {
    String id = SeedForm.submit(h, TITLE);
    h.send("修改");
    h.send("5");
    h.send(NEW_TITLE);
    h.state = ConversationState.idle();

    TurnResult r = h.send("/status");

    assertThat(r.replies())
        .containsExactly(
            Reply.text(
                "你的投稿：\n• GZ-01 《"
                    + TITLE
                    + "》 — 已提交，等待评选 · "
                    + EVENT_TITLE
                    + "\n  ✏️ 还有未保存的修改（演讲主题）：组织者看到的仍是上面这一版。发送「修改」查看，再回复「确认」保存或「取消」放弃。"));
    h.send("修改");
    assertThat(h.state).isEqualTo(ConversationState.on(Step.REVIEW, EngineHarness.SEED_EVENT, id));
    assertThat(h.texts().get(0)).startsWith("你正在修改 GZ-01：").contains("演讲主题：" + NEW_TITLE);
  }

  @Test
  void editsThatChangeNothing_areNotMentioned() {
    SeedForm.submit(h, TITLE);
    h.send("修改");
    h.send("5");
    h.send(TITLE);

    TurnResult r = h.send("/status");

    assertThat(r.replies().get(0).text())
        .isEqualTo("你的投稿：\n• GZ-01 《" + TITLE + "》 — 已提交，等待评选 · " + EVENT_TITLE);
  }
}
