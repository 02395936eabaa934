package dev.cfpbot.organizer.agenda;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.i18n.TimeFormat;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.schedule.ScheduledJob;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What confirmed speakers hear before the day, looked for every hour: the place when it changes in
 * the config after the agenda was published, a reminder {@code bot.slides_due_before} the event to
 * those without slides, and on the morning of the event their slot, the place and the organizers'
 * contact. Each is a one-time notice recorded with the message in one transaction, so nobody hears
 * one twice, whatever restarts or however many instances run.
 */
public final class DayNotices implements ScheduledJob {
  static final String SLIDES = "slides-reminder";
  static final String MORNING = "morning-of";

  /** When, on the day, the morning message goes (earlier for an event starting before 09:00). */
  static final LocalTime MORNING_AT = LocalTime.of(8, 0);

  private final CfpConfig config;
  private final Messages messages;
  private final Storage storage;
  private final Outbox outbox;
  private final AgendaPlanner planner;

  public DayNotices(CfpConfig config, Messages messages, Storage storage, Outbox outbox) {
    this.config = config;
    this.messages = messages;
    this.storage = storage;
    this.outbox = outbox;
    this.planner = new AgendaPlanner(config, storage);
  }

  @Override
  public String name() {
    return "agenda-notices";
  }

  @Override
  public Optional<Instant> lastDue(Instant now) {
    return Optional.of(now.truncatedTo(ChronoUnit.HOURS));
  }

  @Override
  public void run(Tx tx, Instant due, Instant now) {
    for (EventConfig event : config.events()) {
      Instant start = event.startInstant();
      if (start == null || !now.isBefore(start)) {
        continue;
      }
      place(tx, event, now);
      if (!now.isBefore(start.minus(config.bot().slidesDue()))) {
        slides(tx, event, now);
      }
      Instant morning =
          event.startsAt().toLocalDate().atTime(MORNING_AT).atZone(event.timeZone()).toInstant();
      if (!now.isBefore(morning.isBefore(start) ? morning : start.minus(1, ChronoUnit.HOURS))) {
        morning(tx, event, now);
      }
    }
  }

  /** The place as the config says it now, in both languages: what is compared. */
  private static String place(EventConfig event) {
    return event.place() == null
        ? ""
        : event.place().in(Lang.ZH) + "\n" + event.place().in(Lang.EN);
  }

  private void place(Tx tx, EventConfig event, Instant now) {
    if (storage.agenda().lastPublication(tx, event.id()).isEmpty()) {
      return; // the slot messages tell the place
    }
    String place = place(event);
    Optional<String> told = storage.agenda().place(tx, event.id());
    if (told.isEmpty()) {
      storage.agenda().notePlace(tx, event.id(), null, place, now); // as the agenda said it
      return;
    }
    if (told.get().equals(place)
        || !storage.agenda().notePlace(tx, event.id(), told.get(), place, now)) {
      return;
    }
    for (Submission s : confirmed(tx, event)) {
      tell(
          tx,
          s,
          "agenda-place",
          lang ->
              messages.text(
                  lang,
                  "agenda.place_changed",
                  "event",
                  event.title().in(lang),
                  "place",
                  event.place() == null ? "" : event.place().in(lang)),
          now);
    }
  }

  private void slides(Tx tx, EventConfig event, Instant now) {
    for (Submission s : confirmed(tx, event)) {
      Map<String, Answer> answers = storage.answers().answers(tx, s.id(), false);
      boolean hasSlides = answers.values().stream().map(Answer::file).anyMatch(Objects::nonNull);
      if (!hasSlides && storage.agenda().noteSent(tx, s.id(), SLIDES, now)) {
        tell(
            tx,
            s,
            "reminder",
            lang ->
                messages.text(
                    lang,
                    "reminder.slides",
                    "event",
                    event.title().in(lang),
                    "when",
                    TimeFormat.dateTime(event.startInstant(), event.timeZone(), lang)),
            now);
      }
    }
  }

  private void morning(Tx tx, EventConfig event, Instant now) {
    Agenda published = planner.published(tx, event);
    for (Agenda.Item item : published.talks()) {
      Submission s = item.talk().submission();
      if (s.state() != SubmissionState.CONFIRMED
          || !storage.agenda().noteSent(tx, s.id(), MORNING, now)) {
        continue;
      }
      tell(
          tx,
          s,
          "agenda-morning",
          lang ->
              messages.text(
                  lang,
                  "agenda.morning",
                  "title",
                  AgendaText.title(item.talk(), lang),
                  "time",
                  AgendaText.CLOCK.format(item.slot().start()),
                  "place",
                  event.place() == null ? "" : event.place().in(lang),
                  "contact",
                  event.contact() == null ? "" : event.contact()),
          now);
    }
  }

  private java.util.List<Submission> confirmed(Tx tx, EventConfig event) {
    return storage.submissions().listSubmitted(tx, event.id()).stream()
        .filter(s -> s.state() == SubmissionState.CONFIRMED)
        .toList();
  }

  private void tell(
      Tx tx,
      Submission s,
      String kind,
      java.util.function.Function<Lang, String> text,
      Instant now) {
    Optional<Speaker> speaker = storage.speakers().get(tx, s.speakerId());
    if (speaker.isEmpty()) {
      return;
    }
    Lang lang = Lang.parse(speaker.get().language()).orElse(config.bot().defaultLanguage());
    outbox.send(
        tx,
        speaker.get().channel(),
        speaker.get().externalId(),
        kind,
        Reply.text(text.apply(lang)),
        now);
  }
}
