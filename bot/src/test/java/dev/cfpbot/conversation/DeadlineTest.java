package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static dev.cfpbot.conversation.SeedForm.DEADLINE;
import static dev.cfpbot.conversation.SeedForm.EVENT_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.SubmissionState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The seed's deadline: 2027-10-30 23:59 in Shanghai, so submissions close at 16:00 UTC. */
class DeadlineTest {
  private static final Instant LAST_SECOND = Instant.parse("2027-10-30T15:59:59Z");
  private static final Instant CLOSED = Instant.parse("2027-10-30T16:00:00Z");

  private final EngineHarness h = EngineHarness.seed();

  private String closedEvent() {
    return h.t("closed.event", "title", EVENT_TITLE, "deadline", DEADLINE);
  }

  @Test
  void start_atTheLastSecondOfTheDeadlineMinute_beginsADraft() {
    h.now = LAST_SECOND;

    TurnResult r = h.send("/start");

    assertThat(r.effects())
        .containsExactly(new Effect.CreateDraft(h.lastInput.newId(), SEED_EVENT));
    assertThat(r.state().step()).isEqualTo(Step.ASK);
  }

  @Test
  void start_afterTheDeadline_saysNoCallIsOpen_andWhenTheLastOneClosed() {
    h.now = CLOSED;

    TurnResult r = h.send("/start");

    assertThat(r.replies())
        .containsExactly(
            Reply.text("目前没有正在征集讲者的活动。\n「Techparty 广州 · Docker 技术沙龙」的投稿已于 " + DEADLINE + " 截止。"));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void deepLinkStart_afterTheDeadline_saysTheEventClosed_namingTheDeadline() {
    h.now = CLOSED;

    TurnResult r = h.send("/start " + SEED_EVENT);

    assertThat(r.replies()).containsExactly(Reply.text(closedEvent()));
    assertThat(closedEvent())
        .isEqualTo(
            "「Techparty 广州 · Docker 技术沙龙」的投稿已于 " + DEADLINE + " 截止，不再接受新的投稿或修改。发送「我的投稿」可以查看你的投稿。");
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void confirm_ofADraftAtTheSummary_afterTheDeadline_isRefused() {
    String id = SeedForm.fill(h, SeedForm.TITLE);
    h.now = CLOSED;

    TurnResult r = h.send("/confirm");

    assertThat(r.replies()).containsExactly(Reply.text(closedEvent()));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    assertThat(h.submission(id).state()).isEqualTo(SubmissionState.DRAFT);
  }

  @Test
  void confirm_atTheLastSecond_submits() {
    String id = SeedForm.fill(h, SeedForm.TITLE);
    h.now = LAST_SECOND;

    assertThat(h.send("/confirm").effects()).containsExactly(new Effect.Submit(id, 1, "GZ-01"));
  }

  @Test
  void answer_inADraft_afterTheDeadline_isRefused() {
    SeedForm.startAndAnswer(h, 1);
    h.now = CLOSED;

    TurnResult r = h.send(SeedForm.BIO);

    assertThat(r.replies()).containsExactly(Reply.text(closedEvent()));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void status_afterTheDeadline_stillListsTheProposals() {
    SeedForm.submit(h, SeedForm.TITLE);
    h.now = CLOSED;

    TurnResult r = h.send("我的投稿");

    assertThat(r.replies())
        .containsExactly(
            Reply.text("你的投稿：\n• GZ-01 《从零到生产：我们的 Docker 迁移之路》 — 已提交，等待评选 · " + EVENT_TITLE));
    assertThat(r.effects()).isEmpty();
  }
}
