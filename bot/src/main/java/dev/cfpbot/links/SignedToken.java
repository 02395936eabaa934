package dev.cfpbot.links;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fields joined by newlines, signed with HMAC-SHA256 under the bot's secret key, in a URL-safe
 * token: {@code base64(fields).base64(signature)}. Whoever holds a token can read its fields; only
 * the key's holder can make or alter one.
 */
public final class SignedToken {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /** Far longer than any token we make: a longer one is refused before any decoding. */
  private static final int MAX_LENGTH = 2000;

  private final byte[] key;

  public SignedToken(byte[] key) {
    this.key = key.clone();
  }

  public String make(String... fields) {
    byte[] payload = String.join("\n", fields).getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(payload) + "." + B64.encodeToString(sign(payload));
  }

  /** The fields of {@code token}, if its signature is genuine and it has {@code count} of them. */
  public Optional<List<String>> open(String token, int count) {
    if (token == null || token.length() > MAX_LENGTH) {
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
      String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
      return fields.length == count ? Optional.of(List.of(fields)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A token for {@code purpose} naming {@code value} until {@code expires}. */
  public String makeExpiring(String purpose, String value, Instant expires) {
    return make(purpose, value, Long.toString(expires.getEpochSecond()));
  }

  /**
   * The value of a token {@link #makeExpiring made} for {@code purpose}, if it is genuine, for that
   * purpose, and not expired at {@code now}.
   */
  public Optional<String> openExpiring(String token, String purpose, Instant now) {
    Optional<List<String>> fields = open(token, 3);
    if (fields.isEmpty() || !fields.get().get(0).equals(purpose)) {
      return Optional.empty();
    }
    try {
      Instant expires = Instant.ofEpochSecond(Long.parseLong(fields.get().get(2)));
      return now.isBefore(expires) ? Optional.of(fields.get().get(1)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The signature of {@code text} alone, URL-safe: a value only the key's holder can derive. */
  public String mac(String text) {
    return B64.encodeToString(sign(text.getBytes(StandardCharsets.UTF_8)));
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
