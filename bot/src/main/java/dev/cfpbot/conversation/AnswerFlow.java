package dev.cfpbot.conversation;

import dev.cfpbot.form.Field;
import java.util.List;
import java.util.Optional;

/** What a message that is not a command means at each step. */
final class AnswerFlow {
  private AnswerFlow() {}

  /** A message that is not a command: an answer to whatever the current step asks. */
  static void answer(Turn t, Content content) {
    String text = content instanceof Content.Text x ? x.text() : null;
    if (content instanceof Content.Unsupported
        && t.state.step() != Step.IDLE
        && t.state.step() != Step.ASK) {
      // A photo or a voice note where a word is expected (ASK says so itself, with the question).
      Engine.again(t, t.t("invalid.not_text"));
      return;
    }
    switch (t.state.step()) {
      case ASK -> FormFlow.answer(t, content);
      case CHOOSE_EVENT -> {
        if (text != null) {
          StartFlow.eventChosen(t, text);
        } else {
          Engine.reprompt(t);
        }
      }
      case PICK_FIELD -> {
        Optional<Field> field = text == null ? Optional.empty() : ReviewFlow.field(t.form(), text);
        if (field.isPresent()) {
          FormFlow.ask(t, field.get(), true);
        } else {
          t.say(t.t("pick.invalid"));
          ReviewFlow.pickField(t);
        }
      }
      case PICK_TO_EDIT, PICK_TO_WITHDRAW -> ManageFlow.picked(t, text == null ? "" : text);
      case IDLE -> {
        if (content instanceof Content.Attachment file) {
          ManageFlow.attachLater(t, file);
        } else {
          t.say(t.t("idle.hint"), List.of(t.choice("start", "/start")));
        }
      }
      case REVIEW -> ReviewFlow.expect(t);
      default -> Engine.reprompt(t);
    }
  }
}
