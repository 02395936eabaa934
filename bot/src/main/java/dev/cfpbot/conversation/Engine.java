package dev.cfpbot.conversation;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.form.Field;
import dev.cfpbot.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The conversation engine. {@link #handle} is a pure function of its input: the same input gives
 * the same result, and nothing outside it is read or changed.
 */
public final class Engine {
  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;

  public Engine(CfpConfig config, Messages messages) {
    this.config = config;
    this.messages = messages;
    this.templates = new Templates(messages);
  }

  public TurnResult handle(TurnInput input) {
    Turn t = new Turn(input, config, messages, templates);
    Content content = input.content();
    if (content instanceof Content.Pressed press) {
      // A live button is its command, as if typed; any other press changes nothing.
      Optional<Command> command = ButtonKeys.command(t.state, press);
      if (command.isEmpty() && !ButtonKeys.picksOption(t.state, press, t::form)) {
        again(t, t.t("button.inactive"));
        return t.result();
      }
      content = new Content.Text(press.data().strip());
    }
    if (t.state.step() == Step.CONFIRM_FORGET && DataRightsFlow.settle(t, content)
        || t.state.step() == Step.CONFIRM_CANCEL && CancelFlow.settle(t, content)
        || t.state.step() == Step.CONFIRM_DECLINE && AttendanceFlow.settle(t, content)) {
      return t.result();
    }
    if (content instanceof Content.Followed) {
      StartFlow.welcome(t);
    } else if (content instanceof Content.Resumed) {
      ResumedFlow.resumed(t);
    } else if (content instanceof Content.Text text) {
      Optional<Command> command = Command.parse(text.text());
      if (command.isPresent()) {
        command(t, command.get());
      } else if (Command.isUnknownSlash(text.text())) {
        t.say(t.t("unknown.command", "command", text.text().strip().split("\\s+")[0]));
        reprompt(t);
      } else {
        AnswerFlow.answer(t, content);
      }
    } else if (content instanceof Content.Attachment file && file.target() != null) {
      UploadFlow.received(t, file);
    } else if (content instanceof Content.Edited edit) {
      EditFlow.edited(t, edit);
    } else {
      AnswerFlow.answer(t, content);
    }
    return t.result();
  }

  private static void command(Turn t, Command command) {
    String arg = command.arg();
    Step step = t.state.step();
    switch (command.kind()) {
      case START -> StartFlow.start(t, arg);
      case HELP -> HelpFlow.help(t);
      case STATUS -> {
        StatusFlow.status(t);
        reprompt(t);
      }
      case ABOUT -> {
        StartFlow.about(t);
        reprompt(t);
      }
      case MYDATA -> DataRightsFlow.myData(t);
      case FORGET -> DataRightsFlow.forget(t);
      case LANG -> HelpFlow.language(t, arg);
      case REMINDERS -> reminders(t, arg);
      case CANCEL -> CancelFlow.cancel(t);
      case ATTEND -> AttendanceFlow.attend(t, arg);
      case DECLINE -> AttendanceFlow.decline(t, arg);
      case BACK -> {
        switch (step) {
          case ASK -> FormFlow.back(t);
          case REVIEW -> FormFlow.ask(t, last(t), false);
          case PICK_FIELD -> ReviewFlow.review(t);
          default -> nothing(t, "back.nothing");
        }
      }
      case SKIP -> {
        if (step == Step.ASK) {
          FormFlow.skip(t);
        } else {
          nothing(t, "skip.nothing");
        }
      }
      case EDIT -> edit(t, arg);
      case CONFIRM -> {
        switch (step) {
          case REVIEW, PICK_FIELD -> ReviewFlow.confirm(t);
          case CONFIRM_WITHDRAW -> ManageFlow.confirmWithdraw(t);
          default -> nothing(t, "confirm.nothing");
        }
      }
      case WITHDRAW -> {
        if (StartFlow.inDraft(t)
            || step == Step.REVIEW
            || step == Step.ASK
            || step == Step.PICK_FIELD) {
          nothing(t, "withdraw.busy");
        } else {
          ManageFlow.withdraw(t, arg);
        }
      }
      case CONTINUE -> {
        if (step == Step.RESUME) {
          StartFlow.resume(t);
        } else if (step == Step.IDLE) {
          // Nothing to continue (a stale button): idle has no prompt to repeat, so say what to do.
          t.say(t.t("idle.hint"), List.of(t.choice("start", "/start")));
        } else {
          reprompt(t);
        }
      }
      case RESTART -> {
        if (step == Step.RESUME) {
          StartFlow.restart(t);
        } else {
          StartFlow.start(t, "");
        }
      }
    }
  }

  private static void edit(Turn t, String arg) {
    switch (t.state.step()) {
      case REVIEW, PICK_FIELD -> {
        Optional<Field> field = arg.isEmpty() ? Optional.empty() : ReviewFlow.field(t.form(), arg);
        if (field.isPresent()) {
          FormFlow.ask(t, field.get(), true);
        } else {
          ReviewFlow.pickField(t);
        }
      }
      case ASK -> {
        if (t.state.returnToReview()) {
          ReviewFlow.pickField(t);
        } else {
          t.say(t.t("edit.during_form"));
          reprompt(t);
        }
      }
      case RESUME -> reprompt(t);
      default -> ManageFlow.edit(t, arg);
    }
  }

  /** Says {@code text}, then what the current step is waiting for, in one message. */
  static void again(Turn t, String text) {
    t.sayBefore(
        text,
        () -> {
          if (t.state.step() == Step.IDLE) {
            t.say(t.t("idle.hint"), List.of(t.choice("start", "/start")));
          } else {
            reprompt(t);
          }
        });
  }

  /** Shows again what the current step is waiting for. */
  static void reprompt(Turn t) {
    switch (t.state.step()) {
      case ASK -> t.say(FormFlow.question(t, t.form().field(t.state.fieldId()).orElseThrow()));
      case REVIEW -> ReviewFlow.review(t);
      case PICK_FIELD -> ReviewFlow.pickField(t);
      case RESUME -> StartFlow.offerResume(t);
      case CHOOSE_EVENT -> StartFlow.start(t, "");
      case PICK_TO_EDIT -> ManageFlow.edit(t, "");
      case PICK_TO_WITHDRAW -> ManageFlow.withdraw(t, "");
      case CONFIRM_WITHDRAW -> ManageFlow.withdraw(t, t.current().submission().code());
      case CONFIRM_DECLINE -> AttendanceFlow.ask(t);
      case IDLE -> {}
    }
  }

  private static void nothing(Turn t, String key) {
    t.say(t.t(key));
    reprompt(t);
  }

  private static void reminders(Turn t, String arg) {
    String a = arg.strip().toLowerCase(Locale.ROOT);
    boolean on =
        a.equals("on")
            || a.equals("开")
            || a.equals("开启")
            || a.isEmpty() && !t.in.speaker().reminders();
    t.effect(new Effect.SetReminders(on));
    t.say(t.t(on ? "reminders.on" : "reminders.off"));
    reprompt(t);
  }

  private static Field last(Turn t) {
    List<Field> fields = t.form().fields();
    return fields.get(fields.size() - 1);
  }
}
