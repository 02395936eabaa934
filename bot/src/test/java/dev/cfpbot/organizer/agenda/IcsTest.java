package dev.cfpbot.organizer.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The calendar file read back by a standard parser (ical4j). */
class IcsTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  @Test
  void talkSlot_parses_withTheEventsTimeZone_andTheRightInstants() throws Exception {
    String ics =
        Ics.event(
            "s-1@cfp-bot",
            Instant.parse("2027-10-31T05:40:00Z"),
            Instant.parse("2027-10-31T06:20:00Z"),
            SHANGHAI,
            "《镜像安全》 · Techparty 广州, Docker; 沙龙",
            "广州市天河区某某路 1 号",
            "组织者联系方式：cfp@techparty-gz.example\n第二行",
            Instant.parse("2027-10-20T04:00:00Z"));

    VEvent event = parse(ics).<VEvent>getComponent("VEVENT").orElseThrow();

    ZonedDateTime start = ZonedDateTime.from(event.getDateTimeStart().orElseThrow().getDate());
    Temporal end = event.getDateTimeEnd().orElseThrow().getDate();
    assertThat(
            event
                .getDateTimeStart()
                .orElseThrow()
                .getParameter(Parameter.TZID)
                .orElseThrow()
                .getValue())
        .isEqualTo("Asia/Shanghai");
    assertThat(start.getOffset()).isEqualTo(java.time.ZoneOffset.ofHours(8));
    assertThat(start.toLocalDateTime())
        .isEqualTo(java.time.LocalDateTime.parse("2027-10-31T13:40"));
    assertThat(start.toInstant()).isEqualTo(Instant.parse("2027-10-31T05:40:00Z"));
    assertThat(Instant.from(end)).isEqualTo(Instant.parse("2027-10-31T06:20:00Z"));
    assertThat(event.getSummary().orElseThrow().getValue())
        .isEqualTo("《镜像安全》 · Techparty 广州, Docker; 沙龙");
    assertThat(event.getDescription().orElseThrow().getValue())
        .isEqualTo("组织者联系方式：cfp@techparty-gz.example\n第二行");
    assertThat(event.getLocation().orElseThrow().getValue()).isEqualTo("广州市天河区某某路 1 号");
  }

  @Test
  void lines_endInCrlf_andFoldAt75Octets_withoutSplittingACharacter() {
    String ics =
        Ics.event(
            "s-1@cfp-bot",
            Instant.parse("2027-10-31T05:40:00Z"),
            Instant.parse("2027-10-31T06:20:00Z"),
            SHANGHAI,
            "很长的标题".repeat(20),
            null,
            null,
            Instant.parse("2027-10-20T04:00:00Z"));

    assertThat(ics).doesNotContain("\r\n\r\n").endsWith("END:VCALENDAR\r\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(75);
    }
    assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + "很长的标题".repeat(20) + "\r\n");
  }
}
