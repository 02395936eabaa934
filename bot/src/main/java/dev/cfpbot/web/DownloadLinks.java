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
 * Signed, expiring links to a file the bot wrote for organizers (an export): {@code <public
 * url>/download/<token>}, for channels that cannot attach a file to a message (WeChat). The token
 * names the file by its path under the data directory; {@link DownloadPage} serves only exports.
 */
public final class DownloadLinks {
  /** Tokens start with this line, so that no upload token can pass for a download token. */
  private static final String PURPOSE = "download";

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final String publicUrl;
  private final byte[] key;
  private final Clock clock;
  private final Duration lifetime;

  public DownloadLinks(String publicUrl, byte[] key, Clock clock, Duration lifetime) {
    this.publicUrl = publicUrl;
    this.key = key.clone();
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** The link to the file at {@code path} (relative to the data directory). */
  public String link(String path) {
    Instant expires = clock.instant().plus(lifetime);
    String payload = String.join("\n", PURPOSE, path, Long.toString(expires.getEpochSecond()));
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return publicUrl
        + "/download/"
        + B64.encodeToString(bytes)
        + "."
        + B64.encodeToString(sign(bytes));
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** The path in {@code token}, if the token is genuine and has not expired. */
  public Optional<String> verify(String token) {
    if (token == null || token.length() > 2000 || token.indexOf('.') < 0) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    try {
      byte[] payload = B64D.decode(token.substring(0, dot));
      byte[] signature = B64D.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(sign(payload), signature)) {
        return Optional.empty();
      }
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length != 3 || !parts[0].equals(PURPOSE)) {
        return Optional.empty();
      }
      Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
      return clock.instant().isBefore(expires) ? Optional.of(parts[1]) : Optional.empty();
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
