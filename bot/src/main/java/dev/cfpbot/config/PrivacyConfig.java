package dev.cfpbot.config;

import java.time.Duration;

/**
 * How long speakers' personal data is kept.
 *
 * @param retentionDays days after an event ends until its personal data is purged: phone numbers,
 *     WeChat IDs and every answer of proposals that were not accepted; accepted talks keep only
 *     their fields marked {@code public} (name, title and abstract in the shipped form)
 */
public record PrivacyConfig(Integer retentionDays) {
  public static final int DEFAULT_RETENTION_DAYS = 180;

  /** The most the config accepts: ten years is already longer than any call needs. */
  public static final int MAX_RETENTION_DAYS = 3650;

  public PrivacyConfig {
    retentionDays = retentionDays == null ? DEFAULT_RETENTION_DAYS : retentionDays;
  }

  public static PrivacyConfig defaults() {
    return new PrivacyConfig(null);
  }

  public Duration retention() {
    return Duration.ofDays(retentionDays);
  }
}
