package dev.cfpbot.conversation;

import dev.cfpbot.domain.SubmissionState;

/**
 * The chat's channel started again ({@link Content.Resumed}: the console after a restart). The
 * screen no longer shows the question the conversation waits on, so the next line typed would be
 * taken, unseen, as its answer: say where things stand and ask it again. Idle, there is nothing to
 * say.
 */
final class ResumedFlow {
  private ResumedFlow() {}

  static void resumed(Turn t) {
    ConversationState s = t.state;
    if (s.step() == Step.IDLE) {
      return;
    }
    boolean inForm = s.step() == Step.ASK || s.step() == Step.REVIEW || s.step() == Step.PICK_FIELD;
    String where;
    if (inForm && t.current().submission().state() == SubmissionState.DRAFT) {
      where =
          t.t(
              "resumed.draft",
              "title",
              t.event().orElseThrow().title().in(t.lang),
              "answered",
              t.answers(s.submissionId()).size(),
              "count",
              t.form().fields().size());
    } else if (inForm) {
      where = t.t("resumed.editing", "code", t.current().submission().code());
    } else {
      where = t.t("resumed.other");
    }
    Engine.again(t, where);
  }
}
