package dev.cfpbot.conversation;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The speaker's data rights: {@code /mydata} shows everything stored about them, {@code /forget}
 * deletes it after an explicit confirmation.
 */
final class DataRightsFlow {
  /** The words that confirm the deletion, in either language; anything else cancels it. */
  static final List<String> CONFIRM_WORDS = List.of("确认删除", "delete");

  /** What the confirm button sends: a command, as every button's data is. */
  static final String CONFIRM_COMMAND = "/forget confirm";

  private DataRightsFlow() {}

  /** /mydata: the turn processor reads the data and sends it ahead of what follows here. */
  static void myData(Turn t) {
    t.effect(new Effect.ShowData());
    Engine.reprompt(t);
  }

  /** /forget: says exactly what would be deleted, and waits for the confirm word. */
  static void forget(Turn t) {
    ConversationState s = t.state;
    boolean inForm = s.step() == Step.ASK || s.step() == Step.REVIEW || s.step() == Step.PICK_FIELD;
    t.state =
        inForm
            ? new ConversationState(
                Step.CONFIRM_FORGET,
                s.eventId(),
                s.step() == Step.ASK ? s.fieldId() : null,
                s.submissionId(),
                0,
                s.returnToReview())
            : ConversationState.on(Step.CONFIRM_FORGET, null, null);
    t.say(
        t.t("forget.confirm", "items", String.join("\n", items(t))),
        List.of(t.choice("forget", CONFIRM_COMMAND), t.choice("keep", "/cancel")));
  }

  /**
   * The answer to the confirmation. The confirm word deletes; anything else cancels and goes back
   * to where the speaker was. Returns false when the message is a command still to be carried out.
   */
  static boolean settle(Turn t, Content content) {
    String text = content instanceof Content.Text x ? x.text().strip() : "";
    if (CONFIRM_WORDS.contains(text.toLowerCase(Locale.ROOT))
        || text.equalsIgnoreCase(CONFIRM_COMMAND)) {
      execute(t);
      return true;
    }
    t.say(t.t("forget.cancelled"));
    restore(t);
    // A command is carried out as usual, but not "confirm": it was meant for the deletion, and
    // back at a summary it would submit the draft.
    Optional<Command.Kind> command = Command.parse(text).map(Command::kind);
    if (command.isPresent()
        && command.get() != Command.Kind.CANCEL
        && command.get() != Command.Kind.CONFIRM) {
      return false;
    }
    Engine.reprompt(t);
    return true;
  }

  private static void execute(Turn t) {
    List<SubmissionView> proposals = proposals(t);
    t.effect(new Effect.Forget());
    t.state = ConversationState.idle();
    String codes =
        proposals.isEmpty()
            ? ""
            : t.t(
                "forget.done_codes",
                "codes",
                join(t, proposals.stream().map(v -> v.submission().code()).toList()));
    t.say(t.t("forget.done", "codes", codes));
  }

  /** Back to the question or summary the speaker was at, if it is still there; else idle. */
  private static void restore(Turn t) {
    ConversationState s = t.state;
    boolean there =
        s.submissionId() != null
            && s.eventId() != null
            && t.submission(s.submissionId()).isPresent()
            && t.config.event(s.eventId()).isPresent();
    if (!there) {
      t.state = ConversationState.idle();
    } else if (s.fieldId() != null && t.form().field(s.fieldId()).isPresent()) {
      t.state =
          ConversationState.ask(s.eventId(), s.submissionId(), s.fieldId(), s.returnToReview());
    } else {
      t.state = ConversationState.on(Step.REVIEW, s.eventId(), s.submissionId());
    }
  }

  /** One line per kind of data the speaker has. */
  private static List<String> items(Turn t) {
    List<String> items = new ArrayList<>();
    String name = t.in.speaker().displayName();
    items.add(t.t("forget.item.profile", "name", name == null ? t.t("mydata.unknown") : name));
    List<SubmissionView> proposals = proposals(t);
    if (!proposals.isEmpty()) {
      List<String> names =
          proposals.stream()
              .map(
                  v ->
                      t.config.event(v.submission().eventId()).isEmpty()
                          ? v.submission().code()
                          : t.templates.name(v.submission(), t.formOf(v), v.answers(), t.lang))
              .toList();
      items.add(t.t("forget.item.proposals", "count", proposals.size(), "list", join(t, names)));
    }
    long drafts =
        t.in.submissions().stream()
            .filter(v -> v.submission().state() == SubmissionState.DRAFT)
            .count();
    if (drafts > 0) {
      items.add(t.t("forget.item.drafts", "count", drafts));
    }
    List<String> files =
        t.in.submissions().stream()
            .flatMap(v -> v.answers().values().stream())
            .map(Answer::file)
            .filter(Objects::nonNull)
            .map(Templates::file)
            .distinct()
            .toList();
    if (!files.isEmpty()) {
      items.add(t.t("forget.item.files", "count", files.size(), "list", join(t, files)));
    }
    items.add(t.t("forget.item.conversation"));
    return items;
  }

  /** The speaker's confirmed proposals (not drafts), still with their answers. */
  private static List<SubmissionView> proposals(Turn t) {
    return t.in.submissions().stream()
        .filter(v -> v.submission().code() != null)
        .filter(v -> v.submission().state() != SubmissionState.DELETED)
        .toList();
  }

  private static String join(Turn t, List<String> parts) {
    return String.join(t.lang == Lang.ZH ? "、" : ", ", parts);
  }
}
