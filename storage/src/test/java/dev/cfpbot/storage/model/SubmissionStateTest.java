package dev.cfpbot.storage.model;

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
    "REJECTED, ACCEPTED"
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
    "WITHDRAWN, DRAFT"
  })
  void canBecome_forbiddenTransition_isFalse(SubmissionState from, SubmissionState to) {
    assertThat(from.canBecome(to)).isFalse();
  }

  @Test
  void canBecome_overAllPairs_allowsExactlyThirteenTransitions() {
    int allowed = 0;
    for (SubmissionState from : SubmissionState.values()) {
      for (SubmissionState to : SubmissionState.values()) {
        allowed += from.canBecome(to) ? 1 : 0;
      }
    }
    assertThat(allowed).isEqualTo(13);
  }

  @ParameterizedTest
  @EnumSource(SubmissionState.class)
  void canBecome_fromWithdrawn_isFalseForEveryState(SubmissionState to) {
    assertThat(SubmissionState.WITHDRAWN.canBecome(to)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = SubmissionState.class,
      names = {"SUBMITTED", "SHORTLISTED", "ACCEPTED"})
  void isActive_inPlayState_isTrue(SubmissionState state) {
    assertThat(state.isActive()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = SubmissionState.class,
      names = {"DRAFT", "REJECTED", "WITHDRAWN"})
  void isActive_draftOrFinishedState_isFalse(SubmissionState state) {
    assertThat(state.isActive()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = SubmissionState.class,
      names = {"SUBMITTED", "SHORTLISTED", "ACCEPTED", "REJECTED"})
  void isSubmitted_confirmedState_isTrue(SubmissionState state) {
    assertThat(state.isSubmitted()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = SubmissionState.class,
      names = {"DRAFT", "WITHDRAWN"})
  void isSubmitted_draftOrWithdrawn_isFalse(SubmissionState state) {
    assertThat(state.isSubmitted()).isFalse();
  }
}
