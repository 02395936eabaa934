package dev.cfpbot.organizer;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.schedule.ScheduledJob;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The digest of one event, every day at a set time in the event's zone, from when the call opens
 * until the day after it closes (that last one gives the final count).
 */
public final class DailyDigest implements ScheduledJob {
  private final EventConfig event;
  private final LocalTime at;
  private final Digest digest;
  private final Outbox outbox;

  public DailyDigest(EventConfig event, LocalTime at, Digest digest, Outbox outbox) {
    this.event = event;
    this.at = at;
    this.digest = digest;
    this.outbox = outbox;
  }

  @Override
  public String name() {
    return "digest:" + event.id();
  }

  @Override
  public Optional<Instant> lastDue(Instant now) {
    ZonedDateTime local = now.atZone(event.timeZone());
    ZonedDateTime today = local.toLocalDate().atTime(at).atZone(event.timeZone());
    Instant due = (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
    Instant opens =
        event.opensAt() == null
            ? Instant.MIN
            : event.opensAt().atZone(event.timeZone()).toInstant();
    boolean inWindow =
        due.isAfter(opens) && due.isBefore(event.closesAt().plus(java.time.Duration.ofDays(1)));
    return inWindow ? Optional.of(due) : Optional.empty();
  }

  @Override
  public void run(Tx tx, Instant due, Instant now) {
    outbox.toOrganizers(tx, "digest", Reply.text(digest.build(tx, event, now)), now);
  }
}
