package dev.cfpbot.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them: 7d, 3h, 90m. */
public final class Durations {
  private static final Pattern SHAPE = Pattern.compile("(\\d+)\\s*([dhm])");

  private Durations() {}

  public static Duration parse(String text) {
    Matcher m = SHAPE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; expected a number and d, h or m, e.g. 7d, 3h, 90m");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "d" -> Duration.ofDays(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofMinutes(n);
    };
  }
}
