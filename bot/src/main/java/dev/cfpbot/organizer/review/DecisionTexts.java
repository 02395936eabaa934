package dev.cfpbot.organizer.review;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.ButtonKeys;
import dev.cfpbot.conversation.Choice;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.DecisionNotice;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** What a decision says: to the speaker (in their language) and to the organizers. */
final class DecisionTexts {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;
  private final Storage storage;

  DecisionTexts(CfpConfig config, Messages messages, Storage storage) {
    this.config = config;
    this.messages = messages;
    this.templates = new Templates(messages);
    this.storage = storage;
  }

  /** The message to the speaker: the decision, as a correction when they were told another. */
  Reply toSpeaker(Tx tx, Speaker speaker, Submission s, String note, boolean correction) {
    Lang lang = Lang.parse(speaker.language()).orElse(config.bot().defaultLanguage());
    EventConfig ev = event(s);
    Map<String, Answer> given = storage.answers().answers(tx, s.id(), false);
    String text =
        messages.text(
            lang,
            "decision." + s.state().name(),
            "code",
            s.code(),
            "title",
            templates.title(config.formOf(ev), given, lang),
            "event",
            ev.title().in(lang),
            "contact",
            ev.contact() == null ? "" : ev.contact());
    if (note != null && !note.isBlank()) {
      text = text + "\n\n" + messages.text(lang, "decision.note", "note", note);
    }
    if (correction) {
      text = messages.text(lang, "decision.correction", "code", s.code()) + "\n\n" + text;
    }
    if (s.state() != SubmissionState.ACCEPTED) {
      return Reply.text(text);
    }
    // An acceptance asks whether the speaker will come: buttons keyed to this talk (see
    // ButtonKeys).
    return ButtonKeys.askAttendance(
        text + "\n\n" + messages.text(lang, "decision.attend_question", "code", s.code()),
        s.code(),
        messages.text(lang, "choice.attend"),
        messages.text(lang, "choice.decline"));
  }

  /**
   * The organizers' alert of a decision: what, by whom, and when (or whether) the speaker hears.
   */
  Reply decided(Tx tx, Submission s, String actor, String note, DecisionNotice n) {
    Lang lang = lang();
    String line =
        !n.tells()
            ? messages.text(
                lang,
                n.dueAt().isAfter(n.decidedAt()) ? "decision.silent" : "decision.known",
                "time",
                clock(n.dueAt(), s),
                "code",
                s.code())
            : messages.text(
                lang,
                n.correction() ? "decision.when_correction" : "decision.when",
                "time",
                clock(n.dueAt(), s),
                "code",
                s.code());
    String text =
        messages
            .text(
                lang,
                "alert.decided",
                "code",
                s.code(),
                "title",
                title(tx, s, lang),
                "state",
                templates.state(s, lang),
                "actor",
                actor,
                "note",
                note == null ? "" : note)
            .strip();
    boolean undoable = n.tells() || n.dueAt().isAfter(n.decidedAt());
    List<Choice> undo =
        undoable
            ? List.of(new Choice(messages.text(lang, "choice.undo"), "/undo " + s.code()))
            : List.of();
    return Reply.text(text + "\n" + line, undo);
  }

  /** The organizers' alert of one decision taken for many proposals from the board. */
  Reply decidedAll(
      List<Submission> decided,
      dev.cfpbot.domain.SubmissionState to,
      String actor,
      String note,
      Instant now) {
    List<String> codes = decided.stream().map(Submission::code).toList();
    Lang lang = lang();
    return Reply.text(
        messages
            .text(
                lang,
                "alert.decided_all",
                "count",
                codes.size(),
                "codes",
                String.join(lang == Lang.ZH ? "、" : ", ", codes),
                "state",
                state(to, lang),
                "actor",
                actor,
                "note",
                note == null ? "" : note,
                "time",
                clock(now.plus(config.bot().decisionWait()), decided.get(0)))
            .strip());
  }

  /** The organizers' alert of an undone decision. */
  Reply undone(Tx tx, Submission after, String actor) {
    Lang lang = lang();
    return Reply.text(
        messages.text(
            lang,
            "alert.undone",
            "code",
            after.code(),
            "title",
            title(tx, after, lang),
            "state",
            templates.state(after, lang),
            "actor",
            actor));
  }

  String title(Tx tx, Submission s, Lang lang) {
    return templates.title(
        config.formOf(event(s)), storage.answers().answers(tx, s.id(), false), lang);
  }

  /** A time of day in the event's zone, e.g. 10:10. */
  String clock(Instant at, Submission s) {
    ZoneId zone = event(s).timeZone();
    return CLOCK.format(at.atZone(zone));
  }

  String state(dev.cfpbot.domain.SubmissionState state, Lang lang) {
    return messages.text(lang, "state." + state.name());
  }

  Lang lang() {
    return config.bot().organizerLanguage();
  }

  Messages messages() {
    return messages;
  }

  private EventConfig event(Submission s) {
    return config.event(s.eventId()).orElseThrow();
  }
}
