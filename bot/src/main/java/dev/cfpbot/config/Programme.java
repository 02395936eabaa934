package dev.cfpbot.config;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An event's programme from its config: explicit entries such as {@code "13:30 opening 10m"},
 * {@code "talk"}, {@code "break 20m"} ({@code [HH:MM] what [duration]}: a time starts the entry
 * then, else it follows the one before; a talk lasts {@code talk_minutes} unless it says; any other
 * entry lasts until the next entry's time, or the end of the event when it is the last); or, with
 * {@code talk_minutes} alone, talk slots back to back between {@code starts_at} and {@code
 * ends_at}.
 */
final class Programme {
  /** A talk slot's length when the config names none. */
  static final int DEFAULT_TALK_MINUTES = 40;

  private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
  private static final Pattern LENGTH = Pattern.compile("\\d+[hm](\\d+m)?");
  private static final List<String> TALK = List.of("talk", "演讲");

  private Programme() {}

  /**
   * The slots; empty when the config has no programme.
   *
   * @throws IllegalArgumentException naming the entry that is wrong and why
   */
  static List<ProgrammeSlot> slots(
      List<String> entries, Integer talkMinutes, LocalDateTime startsAt, LocalDateTime endsAt) {
    if ((entries == null || entries.isEmpty()) && talkMinutes == null) {
      return List.of();
    }
    if (talkMinutes != null && (talkMinutes < 5 || talkMinutes > 600)) {
      throw new IllegalArgumentException("talk_minutes must be between 5 and 600");
    }
    if (startsAt == null) {
      throw new IllegalArgumentException("a programme needs the event's starts_at");
    }
    Duration talk = Duration.ofMinutes(talkMinutes == null ? DEFAULT_TALK_MINUTES : talkMinutes);
    if (entries == null || entries.isEmpty()) {
      if (endsAt == null) {
        throw new IllegalArgumentException("talk_minutes without a programme needs ends_at");
      }
      List<ProgrammeSlot> slots = new ArrayList<>();
      for (LocalDateTime at = startsAt; !at.plus(talk).isAfter(endsAt); at = at.plus(talk)) {
        slots.add(new ProgrammeSlot(at, at.plus(talk), null));
      }
      return List.copyOf(slots);
    }
    List<Entry> parsed = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      parsed.add(Entry.parse(i + 1, entries.get(i), startsAt));
    }
    List<ProgrammeSlot> slots = new ArrayList<>();
    LocalDateTime at = startsAt;
    for (int i = 0; i < parsed.size(); i++) {
      Entry e = parsed.get(i);
      if (e.start() != null) {
        if (e.start().isBefore(at)) {
          throw e.wrong("starts before the entry ahead of it ends (" + at.toLocalTime() + ")");
        }
        at = e.start();
      }
      LocalDateTime end;
      if (e.length() != null) {
        end = at.plus(e.length());
      } else if (e.label() == null) {
        end = at.plus(talk);
      } else if (i + 1 < parsed.size() && parsed.get(i + 1).start() != null) {
        end = parsed.get(i + 1).start();
      } else if (i + 1 == parsed.size() && endsAt != null) {
        end = endsAt;
      } else {
        throw e.wrong("needs a length, e.g. '" + e.label() + " 15m'");
      }
      if (endsAt != null && end.isAfter(endsAt)) {
        throw e.wrong("ends after ends_at (" + endsAt.toLocalTime() + ")");
      }
      slots.add(new ProgrammeSlot(at, end, e.label()));
      at = end;
    }
    return List.copyOf(slots);
  }

  private record Entry(
      int number, String text, LocalDateTime start, Duration length, String label) {

    static Entry parse(int number, String text, LocalDateTime day) {
      List<String> words =
          new ArrayList<>(Arrays.asList((text == null ? "" : text.strip()).split("\\s+")));
      words.removeIf(String::isEmpty);
      LocalDateTime start = null;
      Duration length = null;
      if (!words.isEmpty() && TIME.matcher(words.get(0)).matches()) {
        try {
          String[] hm = words.remove(0).split(":");
          start =
              day.toLocalDate()
                  .atTime(LocalTime.of(Integer.parseInt(hm[0]), Integer.parseInt(hm[1])));
        } catch (java.time.DateTimeException e) {
          throw new IllegalArgumentException(
              "programme entry " + number + " '" + text + "': not a time of day");
        }
      }
      if (!words.isEmpty()
          && LENGTH.matcher(words.get(words.size() - 1).toLowerCase(Locale.ROOT)).matches()) {
        String w = words.remove(words.size() - 1).toLowerCase(Locale.ROOT);
        length = Duration.parse("PT" + w.toUpperCase(Locale.ROOT));
      }
      if (words.isEmpty()) {
        throw new IllegalArgumentException(
            "programme entry "
                + number
                + " '"
                + text
                + "': say what it is, e.g. 'talk', '13:30 opening 10m' or 'break 20m'");
      }
      String what = String.join(" ", words);
      String label = TALK.contains(what.toLowerCase(Locale.ROOT)) ? null : what;
      if (length != null && (length.isZero() || length.compareTo(Duration.ofHours(12)) > 0)) {
        throw new IllegalArgumentException(
            "programme entry " + number + " '" + text + "': a length of 1 minute to 12 hours");
      }
      return new Entry(number, text, start, length, label);
    }

    IllegalArgumentException wrong(String why) {
      return new IllegalArgumentException("programme entry " + number + " '" + text + "' " + why);
    }
  }
}
