package dev.cfpbot.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal, expiring links to the upload page: {@code <public url>/upload/<token>}, where the token
 * names the speaker's chat and the submission and field the file is for, signed with the bot's
 * secret key so that it cannot be forged or altered.
 */
public final class UploadLinks {
  /** What a valid token grants: one file for one field of one submission of one chat. */
  public record Grant(
      String channel, String chatId, String submissionId, String fieldId, Instant expiresAt) {}

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final String publicUrl;
  private final byte[] key;
  private final Clock clock;
  private final Duration lifetime;

  public UploadLinks(String publicUrl, byte[] key, Clock clock, Duration lifetime) {
    this.publicUrl = publicUrl;
    this.key = key.clone();
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
    String payload =
        String.join(
            "\n",
            channel,
            chatId,
            submissionId,
            fieldId,
            Long.toString(expiresAt.getEpochSecond()));
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(bytes) + "." + B64.encodeToString(sign(bytes));
  }

  /** The grant in {@code token}, if it is genuine and has not expired. */
  public Optional<Grant> verify(String token) {
    if (token == null || token.length() > 2000) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      byte[] payload = B64D.decode(token.substring(0, dot));
      byte[] signature = B64D.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(sign(payload), signature)) {
        return Optional.empty();
      }
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length != 5) {
        return Optional.empty();
      }
      Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[4]));
      if (!clock.instant().isBefore(expires)) {
        return Optional.empty();
      }
      return Optional.of(new Grant(parts[0], parts[1], parts[2], parts[3], expires));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
