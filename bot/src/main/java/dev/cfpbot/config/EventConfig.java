package dev.cfpbot.config;

import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Localized;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One call for talks: the event it is for and its deadline. Times are local to {@code timeZone}.
 *
 * @param id stable identifier, used in deep links and stored with every submission
 * @param codePrefix the prefix of submission codes, e.g. GZ for GZ-07
 * @param deadline the last minute to submit in: 23:59 means until 23:59:59
 * @param opensAt when the call opens; null: open now
 * @param form this event's own form; null: the default form
 * @param talkMinutes the length of a talk slot (default 40); alone, talk slots are derived from
 *     {@code startsAt} to {@code endsAt}
 * @param programme the programme's entries, e.g. "13:30 opening 10m", "talk", "break 20m" (see
 *     {@link #slots()}); null: none, or derived from {@code talkMinutes}
 */
public record EventConfig(
    String id,
    String codePrefix,
    Localized title,
    Localized description,
    List<Localized> topics,
    ZoneId timeZone,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    Localized place,
    String contact,
    LocalDateTime deadline,
    LocalDateTime opensAt,
    Form form,
    Integer talkMinutes,
    List<String> programme) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
  private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,8}");

  public EventConfig {
    if (id == null) {
      throw new IllegalArgumentException(
          "the event has no id; expected an id of 2-64 lower-case letters, digits or dashes, e.g."
              + " gz-2027-10-docker");
    }
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "event id '" + id + "' must be 2-64 lower-case letters, digits or dashes");
    }
    if (title == null) {
      throw new IllegalArgumentException("event '" + id + "' needs a title");
    }
    if (deadline == null) {
      throw new IllegalArgumentException(
          "event '" + id + "' needs a deadline, e.g. 2027-10-30T23:59");
    }
    codePrefix =
        codePrefix == null ? id.split("-")[0].toUpperCase(Locale.ROOT) : codePrefix.strip();
    if (!PREFIX.matcher(codePrefix).matches()) {
      throw new IllegalArgumentException(
          "code_prefix '" + codePrefix + "' must be 1-8 upper-case letters or digits");
    }
    topics = topics == null ? List.of() : List.copyOf(topics);
    timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
    if (startsAt != null && !deadline.isBefore(startsAt)) {
      throw new IllegalArgumentException("the deadline must be before starts_at");
    }
    if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
      throw new IllegalArgumentException("ends_at must not be before starts_at");
    }
    if (opensAt != null && !opensAt.isBefore(deadline)) {
      throw new IllegalArgumentException("opens_at must be before the deadline");
    }
    programme = programme == null ? null : List.copyOf(programme);
    Programme.slots(programme, talkMinutes, startsAt, endsAt); // refuses a wrong programme now
  }

  /** The programme's slots in order; empty when the config gives no programme. */
  public List<ProgrammeSlot> slots() {
    return Programme.slots(programme, talkMinutes, startsAt, endsAt);
  }

  /** The first instant at which submissions are refused. */
  public Instant closesAt() {
    return deadline.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1).atZone(timeZone).toInstant();
  }

  public boolean isOpen(Instant now) {
    boolean opened = opensAt == null || !now.isBefore(opensAt.atZone(timeZone).toInstant());
    return opened && now.isBefore(closesAt());
  }

  /** Whether the call opens after {@code now}: not open yet, and not closed either. */
  public boolean isUpcoming(Instant now) {
    return opensAt != null && now.isBefore(opensAt.atZone(timeZone).toInstant());
  }

  /** When the event starts, or null when the config does not say. */
  public Instant startInstant() {
    return startsAt == null ? null : startsAt.atZone(timeZone).toInstant();
  }

  /** The submission code for a number: GZ-07, GZ-123. */
  public String code(int number) {
    return codePrefix + "-" + (number < 10 ? "0" + number : String.valueOf(number));
  }
}
