package dev.cfpbot.organizer;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.config.ScoreLevel;
import dev.cfpbot.conversation.Choice;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.form.FieldType;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.i18n.TimeFormat;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.process.SubmissionEvent;
import dev.cfpbot.process.SubmissionListener;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns submission events into messages: an alert to the organizers for each new, edited or
 * withdrawn proposal, with buttons to decide and score it. Decisions are told (to the organizers,
 * and after a delay to the speaker) by {@code organizer.review.Decisions}.
 */
public final class OrganizerAlerts implements SubmissionListener {
  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;
  private final Storage storage;
  private final Outbox outbox;

  public OrganizerAlerts(CfpConfig config, Messages messages, Storage storage, Outbox outbox) {
    this.config = config;
    this.messages = messages;
    this.templates = new Templates(messages);
    this.storage = storage;
    this.outbox = outbox;
  }

  @Override
  public void on(Tx tx, SubmissionEvent event, Instant now) {
    if (event.type() == SubmissionEvent.Type.DELETED) {
      return; // one alert for all of a speaker's proposals: see forgotten()
    }
    if (event.type() == SubmissionEvent.Type.DECIDED
        || event.type() == SubmissionEvent.Type.UNDONE) {
      return; // organizer.review.Decisions tells of these, with when the speaker hears
    }
    Submission s = event.submission();
    EventConfig ev = config.event(s.eventId()).orElse(null);
    if (ev == null) {
      return;
    }
    Form form = config.formOf(ev);
    Lang lang = config.bot().organizerLanguage();
    Map<String, Answer> answers = storage.answers().answers(tx, s.id(), false);
    Speaker speaker = storage.speakers().get(tx, s.speakerId()).orElseThrow();
    String title = templates.title(form, answers, lang);
    String key = "alert." + event.type().name().toLowerCase(Locale.ROOT);
    String changed =
        event.changedFields().stream()
            .map(id -> form.field(id).map(f -> f.label().in(lang)).orElse(id))
            .collect(Collectors.joining(lang == Lang.ZH ? "、" : ", "));
    String text =
        messages.text(
            lang,
            key,
            "code",
            s.code(),
            "title",
            title,
            "event",
            ev.title().in(lang),
            "answers",
            templates.answers(form, answers, lang),
            "speaker",
            Objects.requireNonNullElse(speaker.displayName(), "?"),
            "channel",
            speaker.channel(),
            "changed",
            changed,
            "state",
            templates.state(s, lang),
            "actor",
            event.actor(),
            "note",
            event.note() == null ? "" : event.note());
    boolean undecided =
        event.type() == SubmissionEvent.Type.SUBMITTED
            || event.type() == SubmissionEvent.Type.EDITED;
    List<Choice> choices = undecided ? decisionChoices(s.code(), lang) : List.of();
    if (undecided) {
      text = text.strip() + "\n\n" + messages.text(lang, "alert.review", "code", s.code());
    }
    if (event.type() == SubmissionEvent.Type.DECLINED && event.note() != null) {
      text =
          text.strip() + "\n" + messages.text(lang, "alert.decline_reason", "note", event.note());
    }
    text = text.strip() + talkLost(tx, event, ev, lang, now);
    outbox.toOrganizers(tx, "alert", new Reply(text.strip(), choices, false), now);
    FileRef slides = slides(answers);
    boolean newSlides =
        event.type() == SubmissionEvent.Type.SUBMITTED
            || (event.type() == SubmissionEvent.Type.EDITED
                && event.changedFields().stream()
                    .anyMatch(
                        id -> form.field(id).map(f -> f.type() == FieldType.FILE).orElse(false)));
    if (slides != null && newSlides) {
      // The file on its own: the alert's text may be too long for a caption.
      String caption = messages.text(lang, "alert.slides", "code", s.code(), "name", slides.name());
      outbox.toOrganizers(tx, "alert-file", new Reply(caption, List.of(), false, slides), now);
    }
  }

  /**
   * For a talk of the programme that its speaker declined or withdrew: the time left to fill its
   * place before the event; empty otherwise.
   */
  private String talkLost(Tx tx, SubmissionEvent event, EventConfig ev, Lang lang, Instant now) {
    boolean leaving =
        event.type() == SubmissionEvent.Type.DECLINED
            || event.type() == SubmissionEvent.Type.WITHDRAWN;
    Instant start = ev.startInstant();
    if (!leaving || start == null) {
      return "";
    }
    List<HistoryEntry> history = storage.submissions().history(tx, event.submission().id());
    boolean wasTalk = !history.isEmpty() && history.get(history.size() - 1).from().isTalk();
    return wasTalk
        ? "\n"
            + messages.text(
                lang,
                "alert.talk_lost",
                "left",
                TimeFormat.remaining(Duration.between(now, start), lang))
        : "";
  }

  /** One alert when a speaker had their data deleted: the codes, nothing about the person. */
  @Override
  public void forgotten(Tx tx, List<Submission> tombstones, Instant now) {
    Lang lang = config.bot().organizerLanguage();
    String codes =
        tombstones.stream()
            .map(Submission::code)
            .collect(Collectors.joining(lang == Lang.ZH ? "、" : ", "));
    outbox.toOrganizers(
        tx, "alert", Reply.text(messages.text(lang, "alert.deleted", "codes", codes)), now);
  }

  /**
   * Accept / shortlist / reject buttons, a button per score of the scale and one for the review
   * board; each is the organizer command, so typing works too.
   */
  List<Choice> decisionChoices(String code, Lang lang) {
    List<Choice> choices = new java.util.ArrayList<>();
    choices.add(new Choice(messages.text(lang, "choice.accept"), "/accept " + code));
    choices.add(new Choice(messages.text(lang, "choice.shortlist"), "/shortlist " + code));
    choices.add(new Choice(messages.text(lang, "choice.reject"), "/reject " + code));
    for (ScoreLevel level : config.review().scale()) {
      choices.add(
          new Choice(
              level.shown() + " " + level.label().in(lang),
              "/score " + code + " " + (level.value() > 0 ? "+" : "") + level.value()));
    }
    choices.add(new Choice(messages.text(lang, "choice.review"), "/review"));
    return choices;
  }

  private static FileRef slides(Map<String, Answer> answers) {
    return answers.values().stream()
        .map(Answer::file)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
