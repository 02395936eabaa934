package dev.cfpbot.web.review;

import dev.cfpbot.links.SignedToken;
import dev.cfpbot.organizer.review.ReviewLinks;
import dev.cfpbot.storage.rows.Reviewer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Personal links to the review board: {@code <public url>/review/<token>}. The token names the
 * reviewer (an internal id: no platform id in the address), their revocation epoch and its expiry,
 * signed with the bot's secret key. A new key ends every link; {@code /review revoke} raises the
 * epoch and ends that organizer's links.
 */
public final class ReviewTokens implements ReviewLinks {
  /** Tokens start with this field, so that no upload or download token passes for one. */
  private static final String PURPOSE = "review";

  /** What a genuine, unexpired token names; the epoch is still to be checked. */
  public record Claim(String reviewerId, int epoch) {}

  private final String publicUrl;
  private final SignedToken tokens;
  private final Clock clock;
  private final Duration lifetime;

  public ReviewTokens(String publicUrl, byte[] key, Clock clock, Duration lifetime) {
    this.publicUrl = publicUrl;
    this.tokens = new SignedToken(key);
    this.clock = clock;
    this.lifetime = lifetime;
  }

  @Override
  public String link(Reviewer reviewer) {
    return publicUrl + "/review/" + token(reviewer);
  }

  String token(Reviewer reviewer) {
    Instant expires = clock.instant().plus(lifetime);
    return tokens.make(
        PURPOSE,
        reviewer.id(),
        Integer.toString(reviewer.epoch()),
        Long.toString(expires.getEpochSecond()));
  }

  @Override
  public Duration lifetime() {
    return lifetime;
  }

  /** What {@code token} names, if it is genuine and has not expired. */
  public Optional<Claim> verify(String token) {
    Optional<List<String>> fields = tokens.open(token, 4);
    if (fields.isEmpty() || !fields.get().get(0).equals(PURPOSE)) {
      return Optional.empty();
    }
    try {
      int epoch = Integer.parseInt(fields.get().get(2));
      Instant expires = Instant.ofEpochSecond(Long.parseLong(fields.get().get(3)));
      return clock.instant().isBefore(expires)
          ? Optional.of(new Claim(fields.get().get(1), epoch))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The CSRF token of the board's forms for one link: derived from the link's token, so that only a
   * page served for that link carries it, and another site's form cannot.
   */
  String csrf(String token) {
    return tokens.mac("csrf\n" + token);
  }

  boolean csrfMatches(String token, String given) {
    return given != null
        && MessageDigest.isEqual(
            csrf(token).getBytes(StandardCharsets.US_ASCII),
            given.getBytes(StandardCharsets.US_ASCII));
  }
}
