package dev.cfpbot.links;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed links to one talk's calendar file, for channels that cannot send files: {@code <public
 * url>/calendar/<token>}. The token names the talk (an internal id, nothing personal) and when it
 * expires: the day after the event.
 */
public final class CalendarLinks {
  private static final String PURPOSE = "calendar";

  private final String publicUrl;
  private final SignedToken tokens;
  private final Clock clock;

  public CalendarLinks(String publicUrl, byte[] key, Clock clock) {
    this.publicUrl = publicUrl;
    this.tokens = new SignedToken(key);
    this.clock = clock;
  }

  /** Where public pages of the bot are served from, e.g. https://cfp.example.org. */
  public String publicUrl() {
    return publicUrl;
  }

  /** A link to the calendar file of {@code submissionId}, valid until {@code expires}. */
  public String link(String submissionId, Instant expires) {
    return publicUrl + "/calendar/" + tokens.makeExpiring(PURPOSE, submissionId, expires);
  }

  /** The talk {@code token} names, if it is genuine, for a calendar, and not expired. */
  public Optional<String> verify(String token) {
    return tokens.openExpiring(token, PURPOSE, clock.instant());
  }
}
