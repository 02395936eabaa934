package dev.cfpbot.channel.telegram;

import java.util.List;

/**
 * The Telegram channel's keys in the config file; each has an environment variable that overrides
 * it (see the Telegram channel's settings). Secrets belong in the environment, not here.
 */
public record TelegramConfig(
    String botToken,
    String apiUrl,
    String channel,
    String organizerChat,
    List<String> organizers,
    String webhookUrl,
    String webhookSecret,
    Boolean pinAnnouncements,
    List<String> countdown) {

  @Override
  public String toString() {
    return "TelegramConfig[channel=" + channel + ", organizerChat=" + organizerChat + "]";
  }
}
