package dev.cfpbot.organizer.agenda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A calendar file (RFC 5545) with one event: the talk's slot in the event's time zone. Times carry
 * the zone's TZID with a VTIMEZONE giving its current offset (the events this bot serves are in
 * zones without daylight saving, such as Asia/Shanghai; others still get the right instant from the
 * UTC stamp of each local time's offset). Lines end in CRLF and fold at 75 octets; text is escaped.
 */
public final class Ics {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Ics() {}

  /**
   * @param uid stable for the talk, so that a calendar replaces the event when the slot changes
   */
  public static String event(
      String uid,
      Instant start,
      Instant end,
      ZoneId zone,
      String summary,
      String location,
      String description,
      Instant stamp) {
    ZonedDateTime s = start.atZone(zone);
    ZonedDateTime e = end.atZone(zone);
    String offset = offset(s.getOffset());
    StringBuilder b = new StringBuilder();
    line(b, "BEGIN:VCALENDAR");
    line(b, "VERSION:2.0");
    line(b, "PRODID:-//cfp-bot//agenda//EN");
    line(b, "CALSCALE:GREGORIAN");
    line(b, "BEGIN:VTIMEZONE");
    line(b, "TZID:" + zone.getId());
    line(b, "BEGIN:STANDARD");
    line(b, "DTSTART:19700101T000000");
    line(b, "TZOFFSETFROM:" + offset);
    line(b, "TZOFFSETTO:" + offset);
    line(b, "END:STANDARD");
    line(b, "END:VTIMEZONE");
    line(b, "BEGIN:VEVENT");
    line(b, "UID:" + escape(uid));
    line(b, "DTSTAMP:" + UTC.format(stamp));
    line(b, "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(s));
    line(b, "DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(e));
    line(b, "SUMMARY:" + escape(summary));
    if (location != null && !location.isBlank()) {
      line(b, "LOCATION:" + escape(location));
    }
    if (description != null && !description.isBlank()) {
      line(b, "DESCRIPTION:" + escape(description));
    }
    line(b, "END:VEVENT");
    line(b, "END:VCALENDAR");
    return b.toString();
  }

  /** +0800 */
  private static String offset(ZoneOffset o) {
    int total = o.getTotalSeconds() / 60;
    char sign = total < 0 ? '-' : '+';
    total = Math.abs(total);
    return String.format("%c%02d%02d", sign, total / 60, total % 60);
  }

  /** TEXT values: backslash, semicolon, comma and newlines escaped. */
  static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /** Appends {@code content} folded at 75 octets (never inside a UTF-8 character), then CRLF. */
  private static void line(StringBuilder b, String content) {
    int octets = 0;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        b.append("\r\n ");
        octets = 1;
      }
      b.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    b.append("\r\n");
  }
}
