package dev.cfpbot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SubmissionStateTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "DRAFT, SUBMITTED",
    "SUBMITTED, SHORTLISTED",
    "SUBMITTED, ACCEPTED",
    "SUBMITTED, REJECTED",
    "SUBMITTED, WITHDRAWN",
    "SHORTLISTED, ACCEPTED",
    "SHORTLISTED, REJECTED",
    "SHORTLISTED, WITHDRAWN",
    "ACCEPTED, SHORTLISTED",
    "ACCEPTED, REJECTED",
    "ACCEPTED, WITHDRAWN",
    "REJECTED, SHORTLISTED",
    "REJECTED, ACCEPTED",
    "DRAFT, DELETED",
    "SUBMITTED, DELETED",
    "SHORTLISTED, DELETED",
    "ACCEPTED, DELETED",
    "REJECTED, DELETED",
    "WITHDRAWN, DELETED",
    "ACCEPTED, CONFIRMED",
    "ACCEPTED, DECLINED",
    "CONFIRMED, DECLINED",
    "CONFIRMED, WITHDRAWN",
    "CONFIRMED, DELETED",
    "DECLINED, DELETED"
  })
  void canBecome_allowedTransition_isTrue(SubmissionState from, SubmissionState to) {
    assertThat(from.canBecome(to)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "DRAFT, DRAFT",
    "DRAFT, ACCEPTED",
    "DRAFT, WITHDRAWN",
    "SUBMITTED, DRAFT",
    "SUBMITTED, SUBMITTED",
    "ACCEPTED, SUBMITTED",
    "ACCEPTED, ACCEPTED",
    "REJECTED, WITHDRAWN",
    "REJECTED, DRAFT",
    "WITHDRAWN, SUBMITTED",
    "WITHDRAWN, DRAFT",
    "DELETED, DRAFT",
    "DELETED, SUBMITTED",
    "DELETED, DELETED",
    "SUBMITTED, CONFIRMED",
    "SHORTLISTED, CONFIRMED",
    "REJECTED, CONFIRMED",
    "SUBMITTED, DECLINED",
    "CONFIRMED, ACCEPTED",
    "CONFIRMED, REJECTED",
    "DECLINED, ACCEPTED",
    "DECLINED, CONFIRMED",
    "DECLINED, WITHDRAWN"
  })
  void canBecome_forbiddenTransition_isFalse(SubmissionState from, SubmissionState to) {
    assertThat(from.canBecome(to)).isFalse();
  }

  @Test
  void canBecome_overAllPairs_allowsExactlyTwentyFiveTransitions() {
    int allowed = 0;
    for (SubmissionState from : SubmissionState.values()) {
      for (SubmissionState to : SubmissionState.values()) {
        allowed += from.canBecome(to) ? 1 : 0;
      }
    }
    assertThat(allowed).isEqualTo(25);
  }

  @ParameterizedTest
  @EnumSource(value = SubmissionState.class, names = "DELETED", mode = EnumSource.Mode.EXCLUDE)
  void canBecome_fromWithdrawn_isFalseForEveryStateButDeleted(SubmissionState to) {
    assertThat(SubmissionState.WITHDRAWN.canBecome(to)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = SubmissionState.class, names = "DELETED", mode = EnumSource.Mode.EXCLUDE)
  void canBecome_deleted_isReachableFromEveryOtherState(SubmissionState from) {
    assertThat(from.canBecome(SubmissionState.DELETED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(SubmissionState.class)
  void canBecome_fromDeleted_isFalseForEveryState(SubmissionState to) {
    assertThat(SubmissionState.DELETED.canBecome(to)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = SubmissionState.class,
      names = {"SUBMITTED", "SHORTLISTED", "ACCEPTED", "CONFIRMED"})
  void isActive_inPlayState_isTrue(SubmissionState state) {
    assertThat(state.isActive()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = SubmissionState.class,
      names = {"DRAFT", "REJECTED", "WITHDRAWN", "DECLINED", "DELETED"})
  void isActive_draftOrFinishedState_isFalse(SubmissionState state) {
    assertThat(state.isActive()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = SubmissionState.class,
      names = {"SUBMITTED", "SHORTLISTED", "ACCEPTED", "REJECTED", "CONFIRMED"})
  void isSubmitted_confirmedState_isTrue(SubmissionState state) {
    assertThat(state.isSubmitted()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = SubmissionState.class,
      names = {"DRAFT", "WITHDRAWN", "DECLINED", "DELETED"})
  void isSubmitted_draftWithdrawnDeclinedOrDeleted_isFalse(SubmissionState state) {
    assertThat(state.isSubmitted()).isFalse();
  }

  @ParameterizedTest(name = "{0} back to {1}")
  @CsvSource({
    "ACCEPTED, SUBMITTED, true",
    "ACCEPTED, SHORTLISTED, true",
    "REJECTED, ACCEPTED, true",
    "SHORTLISTED, SUBMITTED, true",
    "ACCEPTED, ACCEPTED, false",
    "SUBMITTED, SUBMITTED, false",
    "WITHDRAWN, SUBMITTED, false",
    "ACCEPTED, WITHDRAWN, false",
    "REJECTED, DRAFT, false",
    "CONFIRMED, ACCEPTED, false",
    "ACCEPTED, CONFIRMED, false",
    "DECLINED, ACCEPTED, false"
  })
  void canReturnTo_onlyFromADecision_toUndecidedOrAnotherDecision(
      SubmissionState from, SubmissionState to, boolean allowed) {
    assertThat(from.canReturnTo(to)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @EnumSource(
      value = SubmissionState.class,
      names = {"ACCEPTED", "CONFIRMED"})
  void isTalk_acceptedOrConfirmed_isTrue(SubmissionState state) {
    assertThat(state.isTalk()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = SubmissionState.class,
      names = {"ACCEPTED", "CONFIRMED"},
      mode = EnumSource.Mode.EXCLUDE)
  void isTalk_anyOtherState_isFalse(SubmissionState state) {
    assertThat(state.isTalk()).isFalse();
  }
}
