package dev.cfpbot.domain;

import java.time.Instant;

/**
 * A person talking to the bot on one channel. The same human on Telegram and WeChat is two
 * speakers: the platforms give us no way to link them.
 *
 * @param externalId the platform's id of the private chat (Telegram chat id, WeChat openid)
 * @param language "zh" or "en"
 * @param reminders whether the speaker accepts the reminder before the deadline
 */
public record Speaker(
    String id,
    String channel,
    String externalId,
    String displayName,
    String language,
    boolean reminders,
    Instant createdAt) {

  public Speaker withLanguage(String newLanguage) {
    return new Speaker(id, channel, externalId, displayName, newLanguage, reminders, createdAt);
  }

  public Speaker withReminders(boolean on) {
    return new Speaker(id, channel, externalId, displayName, language, on, createdAt);
  }

  @Override
  public String toString() {
    // The external id identifies a person on a platform: keep it out of logs.
    return "Speaker[" + id + ", " + channel + "]";
  }
}
