package dev.cfpbot.i18n;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and durations as speakers read them, in the event's time zone. */
public final class TimeFormat {
  private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final String[] ZH_WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

  private TimeFormat() {}

  /** E.g. 2027年10月30日（周六）23:59 (Asia/Shanghai) or Sat 30 Oct 2027, 23:59 (Asia/Shanghai). */
  public static String dateTime(LocalDateTime time, ZoneId zone, Lang lang) {
    return date(time, lang)
        + (lang == Lang.ZH ? " " : ", ")
        + TIME.format(time)
        + " "
        + zoneName(time, zone);
  }

  /** An instant shown in {@code zone}. */
  public static String dateTime(Instant instant, ZoneId zone, Lang lang) {
    return dateTime(LocalDateTime.ofInstant(instant, zone), zone, lang);
  }

  /** E.g. 2027年10月31日（周日）13:30–17:30 (Asia/Shanghai). */
  public static String span(LocalDateTime start, LocalDateTime end, ZoneId zone, Lang lang) {
    String startText = date(start, lang) + (lang == Lang.ZH ? " " : ", ") + TIME.format(start);
    if (end == null) {
      return startText + " " + zoneName(start, zone);
    }
    String endText =
        end.toLocalDate().equals(start.toLocalDate())
            ? TIME.format(end)
            : date(end, lang) + " " + TIME.format(end);
    return startText + "–" + endText + " " + zoneName(start, zone);
  }

  /** A coarse remaining time: 3 天 4 小时, 5 hours 10 minutes, 12 minutes. */
  public static String remaining(Duration left, Lang lang) {
    if (left.isNegative() || left.isZero()) {
      return lang == Lang.ZH ? "已截止" : "closed";
    }
    long days = left.toDays();
    long hours = left.toHoursPart();
    long minutes = left.toMinutesPart();
    if (lang == Lang.ZH) {
      if (days > 0) {
        return days + " 天 " + hours + " 小时";
      }
      return hours > 0 ? hours + " 小时 " + minutes + " 分钟" : Math.max(1, minutes) + " 分钟";
    }
    if (days > 0) {
      return days + (days == 1 ? " day " : " days ") + hours + (hours == 1 ? " hour" : " hours");
    }
    return hours > 0
        ? hours + (hours == 1 ? " hour " : " hours ") + minutes + " min"
        : Math.max(1, minutes) + " min";
  }

  private static String date(LocalDateTime time, Lang lang) {
    if (lang == Lang.ZH) {
      return ZH_DATE.format(time) + "（" + ZH_WEEKDAYS[time.getDayOfWeek().getValue() - 1] + "）";
    }
    return EN_DATE.format(time);
  }

  private static String zoneName(LocalDateTime time, ZoneId zone) {
    int seconds = ZonedDateTime.of(time, zone).getOffset().getTotalSeconds();
    int hours = seconds / 3600;
    int minutes = Math.abs(seconds % 3600) / 60;
    String offset =
        (seconds < 0 ? "-" : "+") + Math.abs(hours) + (minutes == 0 ? "" : ":" + minutes);
    return "(" + zone.getId() + ", UTC" + offset + ")";
  }
}
