package dev.cfpbot.organizer;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.i18n.TimeFormat;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.schedule.ScheduledJob;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduled community posts of a call: a countdown at each configured time before the deadline,
 * and a closing post with the number of proposals once it has passed. Routine posts: channels that
 * ration their posts (WeChat) do not get them.
 */
public final class CommunityPosts {
  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;
  private final Storage storage;
  private final Outbox outbox;

  public CommunityPosts(CfpConfig config, Messages messages, Storage storage, Outbox outbox) {
    this.config = config;
    this.messages = messages;
    this.templates = new Templates(messages);
    this.storage = storage;
    this.outbox = outbox;
  }

  /** One job per countdown time per event, and a closing job per event. */
  public List<ScheduledJob> jobs() {
    List<ScheduledJob> jobs = new ArrayList<>();
    for (EventConfig event : config.events()) {
      for (Duration before : config.bot().countdown()) {
        jobs.add(
            job(
                "countdown:" + event.id() + ":" + before,
                event.closesAt().minus(before),
                event.closesAt(),
                (tx, now) -> countdown(tx, event, now)));
      }
      jobs.add(
          job(
              "closing:" + event.id(),
              event.closesAt(),
              Instant.MAX,
              (tx, now) -> closing(tx, event, now)));
    }
    return jobs;
  }

  private void countdown(Tx tx, EventConfig event, Instant now) {
    Lang lang = config.bot().organizerLanguage();
    String text =
        messages.text(
            lang,
            "post.countdown",
            "title",
            event.title().in(lang),
            "left",
            TimeFormat.remaining(Duration.between(now, event.closesAt()), lang),
            "deadline",
            templates.deadline(event, lang));
    outbox.toCommunity(
        tx, "countdown", new Reply(text, Announcements.submitButton(event), false), true, now);
  }

  private void closing(Tx tx, EventConfig event, Instant now) {
    Lang lang = config.bot().organizerLanguage();
    Map<SubmissionState, Long> counts = storage.submissions().countByState(tx, event.id());
    long received =
        counts.entrySet().stream()
            .filter(e -> e.getKey() != SubmissionState.DRAFT)
            .mapToLong(Map.Entry::getValue)
            .sum();
    String text =
        messages.text(lang, "post.closing", "title", event.title().in(lang), "count", received);
    outbox.toCommunity(tx, "closing", Reply.text(text), true, now);
  }

  private interface Work {
    void run(Tx tx, Instant now);
  }

  /** A job due once, at {@code at}, and only until {@code until}. */
  private static ScheduledJob job(String name, Instant at, Instant until, Work work) {
    return new ScheduledJob() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<Instant> lastDue(Instant now) {
        return !now.isBefore(at) && now.isBefore(until) ? Optional.of(at) : Optional.empty();
      }

      @Override
      public void run(Tx tx, Instant due, Instant now) {
        work.run(tx, now);
      }
    };
  }
}
