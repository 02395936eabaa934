package dev.cfpbot.organizer;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.files.UnusedFiles;
import dev.cfpbot.schedule.ScheduledJob;
import dev.cfpbot.storage.AnswerStore;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes personal data the bot no longer needs. Once an event ended {@code privacy.retention_days}
 * ago: every answer of its proposals that were not accepted, its drafts, pending edits, and of
 * accepted talks every answer but the form's public fields (phone numbers and WeChat IDs are never
 * public); the files those answers had go after the commit. Always: the copies of messages that
 * were delivered more than a month ago, and the records of handled messages after a week (both
 * repeat answers: receipts, alerts, WeChat's passive replies).
 *
 * <p>The job is due every hour, so the scheduler runs it once per cluster each hour, and a bot that
 * was down purges at its next hour rather than never (a purge is never "too late"). Purging twice
 * deletes nothing more.
 */
public final class RetentionPurge implements ScheduledJob {
  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

  /** Long enough to see a message's fate in the digest and the failure reports. */
  static final Duration KEEP_DELIVERED = Duration.ofDays(30);

  /** Platforms redeliver within minutes (WeChat: 15 s; Telegram: until acknowledged). */
  static final Duration KEEP_HANDLED = Duration.ofDays(7);

  private final CfpConfig config;
  private final Storage storage;
  private final UnusedFiles unusedFiles;

  public RetentionPurge(CfpConfig config, Storage storage, UnusedFiles unusedFiles) {
    this.config = config;
    this.storage = storage;
    this.unusedFiles = unusedFiles;
  }

  @Override
  public String name() {
    return "privacy-retention";
  }

  @Override
  public Optional<Instant> lastDue(Instant now) {
    return Optional.of(now.truncatedTo(ChronoUnit.HOURS));
  }

  @Override
  public void run(Tx tx, Instant due, Instant now) {
    Duration retention = config.privacy().retention();
    for (EventConfig event : config.events()) {
      if (!now.isBefore(ended(event).plus(retention))) {
        purge(tx, event);
      }
    }
    int messages = storage.outbox().pruneDone(tx, now.minus(shorter(KEEP_DELIVERED, retention)));
    int handled = storage.inbox().prune(tx, now.minus(shorter(KEEP_HANDLED, retention)));
    if (messages + handled > 0) {
      log.info("retention: removed {} delivered messages and {} inbox records", messages, handled);
    }
  }

  private void purge(Tx tx, EventConfig event) {
    AnswerStore.Purged purged =
        storage.answers().purgeEvent(tx, event.id(), config.formOf(event).publicFieldIds());
    // Why a speaker declined is theirs, like their answers: it goes with them.
    storage.submissions().clearDeclineReasons(tx, event.id());
    int drafts = 0;
    for (Submission draft : storage.submissions().listDrafts(tx, event.id())) {
      storage.submissions().deleteDraft(tx, draft.id());
      drafts++;
    }
    unusedFiles.deleteAfterCommit(tx, purged.files());
    // Organizers' comments speak about the person too; the scores (numbers) stay.
    int comments = storage.reviews().purgeComments(tx, event.id());
    if (comments > 0) {
      log.info("retention: event {}: removed {} review comments", event.id(), comments);
    }
    if (purged.answers() + drafts > 0) {
      log.info(
          "retention: event {} is past its {} days: purged {} answers and {} drafts, released {}"
              + " files",
          event.id(),
          config.privacy().retentionDays(),
          purged.answers(),
          drafts,
          purged.files().size());
    }
  }

  /** When the event was over: its end, else its start, else its deadline. */
  static Instant ended(EventConfig event) {
    if (event.endsAt() != null) {
      return event.endsAt().atZone(event.timeZone()).toInstant();
    }
    return event.startInstant() != null ? event.startInstant() : event.closesAt();
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
