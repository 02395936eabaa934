package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static dev.cfpbot.conversation.SeedForm.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.SubmissionState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Withdrawing a proposal: possible until the event starts, always confirmed first. */
class WithdrawTest {
  /** After the deadline (16:00 UTC on the 30th), before the event (05:30 UTC on the 31st). */
  private static final Instant AFTER_DEADLINE = Instant.parse("2027-10-31T02:00:00Z");

  private static final Instant EVENT_STARTED = Instant.parse("2027-10-31T05:30:00Z");
  private static final String NAME = "GZ-01 《从零到生产：我们的 Docker 迁移之路》";
  private static final List<Choice> CONFIRM_CHOICES =
      List.of(new Choice("确认撤回", "/confirm"), new Choice("保留", "/cancel"));

  private final EngineHarness h = EngineHarness.seed();

  private Reply question(String name) {
    return new Reply(h.t("withdraw.confirm", "name", name), CONFIRM_CHOICES, false);
  }

  private Reply started() {
    return Reply.text(h.t("withdraw.started", "contact", SeedForm.CONTACT));
  }

  @Test
  void withdraw_withOneSubmittedProposal_asksToConfirm() {
    String id = SeedForm.submit(h, TITLE);

    TurnResult r = h.send("/withdraw");

    assertThat(r.replies()).containsExactly(question(NAME));
    assertThat(question(NAME).text()).isEqualTo("确定要撤回 " + NAME + " 吗？撤回后不能恢复。回复「确认」撤回，或「取消」保留。");
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.CONFIRM_WITHDRAW, SEED_EVENT, id));
  }

  @Test
  void confirm_withdrawsTheProposal() {
    String id = SeedForm.submit(h, TITLE);
    h.send("撤回");

    TurnResult r = h.send("确认");

    assertThat(r.effects()).containsExactly(new Effect.Withdraw(id));
    assertThat(r.replies()).containsExactly(Reply.text("已撤回 " + NAME + "，组织者会收到通知。"));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    assertThat(h.submission(id).state()).isEqualTo(SubmissionState.WITHDRAWN);
  }

  @Test
  void cancel_keepsTheProposal() {
    String id = SeedForm.submit(h, TITLE);
    h.send("/withdraw");

    TurnResult r = h.send("取消");

    assertThat(r.effects()).isEmpty();
    assertThat(r.replies()).containsExactly(Reply.text(h.t("cancel.done")));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    assertThat(h.submission(id).state()).isEqualTo(SubmissionState.SUBMITTED);
  }

  @Test
  void withdraw_withTwoProposals_listsThem_andTwoPicksTheSecond() {
    SeedForm.submit(h, "第一个议题");
    String second = SeedForm.submit(h, "第二个议题");

    TurnResult r = h.send("/withdraw");

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("withdraw.pick", "list", "1. GZ-01 《第一个议题》\n2. GZ-02 《第二个议题》"),
                List.of(
                    new Choice("GZ-01", "/withdraw GZ-01"), new Choice("GZ-02", "/withdraw GZ-02")),
                false));
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.PICK_TO_WITHDRAW, null, null));

    TurnResult picked = h.send("2");

    assertThat(picked.replies()).containsExactly(question("GZ-02 《第二个议题》"));
    assertThat(picked.state())
        .isEqualTo(ConversationState.on(Step.CONFIRM_WITHDRAW, SEED_EVENT, second));
    assertThat(h.send("/confirm").effects()).containsExactly(new Effect.Withdraw(second));
  }

  @Test
  void withdraw_byCode_asksAboutThatProposal() {
    SeedForm.submit(h, "第一个议题");
    SeedForm.submit(h, "第二个议题");

    assertThat(h.send("/withdraw gz-01").replies()).containsExactly(question("GZ-01 《第一个议题》"));
  }

  @Test
  void pickToWithdraw_unknownAnswer_saysSo_andListsAgain() {
    SeedForm.submit(h, "第一个议题");
    SeedForm.submit(h, "第二个议题");
    h.send("/withdraw");

    TurnResult r = h.send("3");

    assertThat(r.replies().get(0)).isEqualTo(Reply.text(h.t("pick.invalid")));
    assertThat(r.replies().get(1).text()).startsWith("要撤回哪一个投稿？");
    assertThat(r.state().step()).isEqualTo(Step.PICK_TO_WITHDRAW);
  }

  @Test
  void withdraw_whileFillingADraft_isBusy() {
    SeedForm.submit(h, TITLE);
    SeedForm.startAndAnswer(h, 1);

    TurnResult r = h.send("/withdraw");

    assertThat(r.replies())
        .containsExactly(Reply.text(h.t("withdraw.busy")), Reply.text(SeedForm.Q2));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state().step()).isEqualTo(Step.ASK);
  }

  @Test
  void withdraw_withNothingSubmitted_saysSo() {
    TurnResult r = h.send("/withdraw");

    assertThat(r.replies())
        .containsExactly(
            new Reply(h.t("withdraw.nothing"), List.of(new Choice("我要投稿", "/start")), false));
  }

  @Test
  void withdraw_afterTheEventStarted_pointsToTheOrganizers() {
    SeedForm.submit(h, TITLE);
    h.now = EVENT_STARTED;

    TurnResult r = h.send("/withdraw");

    assertThat(r.replies()).containsExactly(started());
    assertThat(r.effects()).isEmpty();
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void withdraw_afterTheDeadline_butBeforeTheEvent_isStillPossible() {
    String id = SeedForm.submit(h, TITLE);
    h.now = AFTER_DEADLINE;

    assertThat(h.send("/withdraw").replies()).containsExactly(question(NAME));
    assertThat(h.send("/confirm").effects()).containsExactly(new Effect.Withdraw(id));
  }

  @Test
  void confirm_afterTheEventStartedSinceTheQuestion_doesNotWithdraw() {
    String id = SeedForm.submit(h, TITLE);
    h.now = EVENT_STARTED.minusSeconds(60);
    h.send("/withdraw");
    h.now = EVENT_STARTED;

    TurnResult r = h.send("/confirm");

    assertThat(r.effects()).isEmpty();
    assertThat(r.replies()).containsExactly(started());
    assertThat(r.state()).isEqualTo(ConversationState.idle());
    assertThat(h.submission(id).state()).isEqualTo(SubmissionState.SUBMITTED);
  }

  @Test
  void confirm_afterTheOrganizersRejectedItSinceTheQuestion_doesNotWithdraw() {
    String id = SeedForm.submit(h, TITLE);
    h.send("/withdraw");
    h.decide(id, SubmissionState.REJECTED);

    TurnResult r = h.send("/confirm");

    assertThat(r.effects()).isEmpty();
    assertThat(r.replies())
        .containsExactly(
            new Reply(h.t("withdraw.nothing"), List.of(new Choice("我要投稿", "/start")), false));
    assertThat(r.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void start_atTheWithdrawQuestion_beginsANewProposal_insteadOfClaimingAnEdit() {
    SeedForm.submit(h, TITLE);
    h.send("/withdraw");

    TurnResult r = h.send("/start");

    assertThat(r.effects())
        .containsExactly(new Effect.CreateDraft(h.lastInput.newId(), SEED_EVENT));
    // The call and the first question: one message.
    assertThat(r.replies()).hasSize(1);
    assertThat(r.replies().get(0).text()).endsWith("\n\n" + SeedForm.Q1);
    assertThat(r.state().step()).isEqualTo(Step.ASK);
  }

  @Test
  void acceptedProposal_canStillBeWithdrawn() {
    String id = SeedForm.submit(h, TITLE);
    h.decide(id, SubmissionState.ACCEPTED);
    h.send("/withdraw");

    assertThat(h.send("确认撤回").effects()).containsExactly(new Effect.Withdraw(id));
  }
}
