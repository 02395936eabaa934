package dev.cfpbot.organizer;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Choice;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.schedule.ScheduledJob;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One reminder, a set time before the deadline, to every speaker with an unfinished draft for the
 * event who has not turned reminders off. The job runs once per event, so nobody hears twice.
 */
public final class DraftReminders {
  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;
  private final Storage storage;
  private final Outbox outbox;

  public DraftReminders(CfpConfig config, Messages messages, Storage storage, Outbox outbox) {
    this.config = config;
    this.messages = messages;
    this.templates = new Templates(messages);
    this.storage = storage;
    this.outbox = outbox;
  }

  public List<ScheduledJob> jobs() {
    List<ScheduledJob> jobs = new ArrayList<>();
    for (EventConfig event : config.events()) {
      Instant at = event.closesAt().minus(config.bot().reminder());
      jobs.add(
          new ScheduledJob() {
            @Override
            public String name() {
              return "reminders:" + event.id();
            }

            @Override
            public Optional<Instant> lastDue(Instant now) {
              return !now.isBefore(at) && now.isBefore(event.closesAt())
                  ? Optional.of(at)
                  : Optional.empty();
            }

            @Override
            public void run(Tx tx, Instant due, Instant now) {
              remind(tx, event, now);
            }
          });
    }
    return jobs;
  }

  /** Sends the reminders for {@code event}; returns how many went out. */
  int remind(Tx tx, EventConfig event, Instant now) {
    Set<String> told = new HashSet<>();
    for (Submission draft : storage.submissions().listDrafts(tx, event.id())) {
      Optional<Speaker> speaker = storage.speakers().get(tx, draft.speakerId());
      if (speaker.isEmpty() || !speaker.get().reminders() || !told.add(speaker.get().id())) {
        continue;
      }
      Speaker s = speaker.get();
      Lang lang = Lang.parse(s.language()).orElse(config.bot().defaultLanguage());
      String text =
          messages.text(
              lang,
              "reminder.draft",
              "title",
              event.title().in(lang),
              "deadline",
              templates.deadline(event, lang));
      List<Choice> choices =
          List.of(
              new Choice(messages.text(lang, "choice.continue"), "/start"),
              new Choice(messages.text(lang, "choice.reminders_off"), "/reminders off"));
      outbox.send(
          tx, s.channel(), s.externalId(), "reminder", new Reply(text, choices, false), now);
    }
    return told.size();
  }
}
