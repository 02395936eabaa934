package dev.cfpbot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Personal, expiring links to the upload page: {@code <public url>/upload/<token>}, where the token
 * names the speaker's chat and the submission and field the file is for, signed with the bot's
 * secret key so that it cannot be forged or altered.
 */
public final class UploadLinks {
  /** What a valid token grants: one file for one field of one submission of one chat. */
  public record Grant(
      String channel, String chatId, String submissionId, String fieldId, Instant expiresAt) {}

  private final String publicUrl;
  private final SignedToken tokens;
  private final Clock clock;
  private final Duration lifetime;

  public UploadLinks(String publicUrl, byte[] key, Clock clock, Duration lifetime) {
    this.publicUrl = publicUrl;
    this.tokens = new SignedToken(key);
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** The link for {@code grant}'s chat, submission and field, valid for the configured lifetime. */
  public String link(String channel, String chatId, String submissionId, String fieldId) {
    return publicUrl
        + "/upload/"
        + token(channel, chatId, submissionId, fieldId, clock.instant().plus(lifetime));
  }

  /** How long a new link stays valid. */
  public Duration lifetime() {
    return lifetime;
  }

  public String token(
      String channel, String chatId, String submissionId, String fieldId, Instant expiresAt) {
    return tokens.make(
        channel, chatId, submissionId, fieldId, Long.toString(expiresAt.getEpochSecond()));
  }

  /** The grant in {@code token}, if it is genuine and has not expired. */
  public Optional<Grant> verify(String token) {
    Optional<List<String>> fields = tokens.open(token, 5);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    List<String> f = fields.get();
    try {
      Instant expires = Instant.ofEpochSecond(Long.parseLong(f.get(4)));
      if (!clock.instant().isBefore(expires)) {
        return Optional.empty();
      }
      return Optional.of(new Grant(f.get(0), f.get(1), f.get(2), f.get(3), expires));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
