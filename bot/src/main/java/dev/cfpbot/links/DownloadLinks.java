package dev.cfpbot.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed, expiring links to a file the bot wrote for organizers (an export): {@code <public
 * url>/download/<token>}, for channels that cannot attach a file to a message (WeChat). The token
 * names the file by its path under the data directory; the download page serves only exports.
 */
public final class DownloadLinks {
  /** Tokens start with this field, so that no upload token can pass for a download token. */
  private static final String PURPOSE = "download";

  private final String publicUrl;
  private final SignedToken tokens;
  private final Clock clock;
  private final Duration lifetime;

  public DownloadLinks(String publicUrl, byte[] key, Clock clock, Duration lifetime) {
    this.publicUrl = publicUrl;
    this.tokens = new SignedToken(key);
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** The link to the file at {@code path} (relative to the data directory). */
  public String link(String path) {
    Instant expires = clock.instant().plus(lifetime);
    return publicUrl + "/download/" + tokens.makeExpiring(PURPOSE, path, expires);
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** The path in {@code token}, if the token is genuine and has not expired. */
  public Optional<String> verify(String token) {
    return tokens.openExpiring(token, PURPOSE, clock.instant());
  }
}
