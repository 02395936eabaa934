package dev.cfpbot.organizer.agenda;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.ButtonKeys;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.schedule.ScheduledJob;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One reminder to each speaker who heard of their talk's acceptance {@code bot.confirm_reminder}
 * ago and has not said whether they will come. Looked for every hour; each reminder is recorded as
 * a one-time notice in the same transaction, so no speaker hears twice, whatever restarts.
 */
public final class ConfirmReminders implements ScheduledJob {
  static final String KIND = "confirm-reminder";

  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;
  private final Storage storage;
  private final Outbox outbox;

  public ConfirmReminders(CfpConfig config, Messages messages, Storage storage, Outbox outbox) {
    this.config = config;
    this.messages = messages;
    this.templates = new Templates(messages);
    this.storage = storage;
    this.outbox = outbox;
  }

  @Override
  public String name() {
    return "confirm-reminders";
  }

  @Override
  public Optional<Instant> lastDue(Instant now) {
    return Optional.of(now.truncatedTo(ChronoUnit.HOURS));
  }

  @Override
  public void run(Tx tx, Instant due, Instant now) {
    remind(tx, now);
  }

  /** Sends the reminders due at {@code now}; returns how many went out. */
  int remind(Tx tx, Instant now) {
    // The speaker hears of the acceptance once the decision's delay is over.
    Duration wait = config.bot().decisionWait().plus(config.bot().confirmWait());
    int sent = 0;
    for (EventConfig event : config.events()) {
      Instant start = event.startInstant();
      if (start != null && !now.isBefore(start)) {
        continue;
      }
      for (Submission s : storage.submissions().listSubmitted(tx, event.id())) {
        if (s.state() != SubmissionState.ACCEPTED
            || s.decidedAt() == null
            || now.isBefore(s.decidedAt().plus(wait))
            || !storage.agenda().noteSent(tx, s.id(), KIND, now)) {
          continue;
        }
        Optional<Speaker> speaker = storage.speakers().get(tx, s.speakerId());
        if (speaker.isEmpty()) {
          continue;
        }
        outbox.send(
            tx,
            speaker.get().channel(),
            speaker.get().externalId(),
            "reminder",
            reminder(tx, speaker.get(), event, s),
            now);
        sent++;
      }
    }
    return sent;
  }

  private Reply reminder(Tx tx, Speaker speaker, EventConfig event, Submission s) {
    Lang lang = Lang.parse(speaker.language()).orElse(config.bot().defaultLanguage());
    String name =
        templates.name(s, config.formOf(event), storage.answers().answers(tx, s.id(), false), lang);
    String text =
        messages.text(lang, "reminder.confirm", "name", name, "event", event.title().in(lang));
    return ButtonKeys.askAttendance(
        text,
        s.code(),
        messages.text(lang, "choice.attend"),
        messages.text(lang, "choice.decline"));
  }
}
