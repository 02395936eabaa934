package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The review board's links in tests: found in the bot's reply, pointed at the local server. */
final class Boards {
  static final String PUBLIC_URL = "https://cfp.example.org";
  private static final Pattern LINK = Pattern.compile("https://cfp\\.example\\.org/review/\\S+");

  private Boards() {}

  /**
   * A started Telegram bot with its web pages on a free local port under {@link #PUBLIC_URL}, and
   * one more setting {@code key}={@code value}.
   */
  static TelegramHarness harness(Path dataDir, Clock clock, String key, String value) {
    return new TelegramHarness(
            dataDir,
            clock,
            Map.of("CFPBOT_HTTP_PORT", "0", "CFPBOT_PUBLIC_URL", PUBLIC_URL, key, value))
        .start();
  }

  /** The board link in {@code reply}, on the harness's HTTP server. */
  static String link(TelegramHarness h, String reply) {
    Matcher m = LINK.matcher(reply);
    assertThat(m.find()).as(reply).isTrue();
    return local(h, m.group());
  }

  /** The link {@code organizer} gets from /review in their private chat. */
  static String link(TelegramHarness h, long organizer) {
    return link(h, h.say(organizer, "/review", 1).get(0));
  }

  /** {@code link} (public, or on an earlier run's port) on the harness's current server. */
  static String local(TelegramHarness h, String link) {
    return link.replaceFirst(
        "https://cfp\\.example\\.org|http://127\\.0\\.0\\.1:\\d+",
        "http://127.0.0.1:" + h.app.httpPort());
  }
}
