package dev.cfpbot.config;

import dev.cfpbot.i18n.Lang;
import java.time.LocalTime;

/**
 * How the bot behaves, whatever the channel.
 *
 * @param defaultLanguage for speakers whose platform does not say they use English
 * @param organizerLanguage the language of alerts and digests
 * @param maxSubmissionsPerSpeaker per event, withdrawn ones not counted
 * @param digestTime the time of day (in each event's zone) for the daily digest; null: none
 */
public record BotConfig(
    Lang defaultLanguage,
    Lang organizerLanguage,
    Integer maxSubmissionsPerSpeaker,
    LocalTime digestTime) {

  public BotConfig {
    defaultLanguage = defaultLanguage == null ? Lang.ZH : defaultLanguage;
    organizerLanguage = organizerLanguage == null ? Lang.ZH : organizerLanguage;
    maxSubmissionsPerSpeaker = maxSubmissionsPerSpeaker == null ? 3 : maxSubmissionsPerSpeaker;
    if (maxSubmissionsPerSpeaker < 1) {
      throw new IllegalArgumentException("max_submissions_per_speaker must be at least 1");
    }
  }

  public static BotConfig defaults() {
    return new BotConfig(null, null, null, LocalTime.of(9, 0));
  }
}
