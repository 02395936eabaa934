package dev.cfpbot.channel.telegram;

/** Keeps the bot token out of anything that may be logged. */
final class Redact {
  private Redact() {}

  static String token(String text, String token) {
    if (text == null) {
      return null;
    }
    String secret = token.substring(token.indexOf(':') + 1);
    return text.replace(token, "<token>").replace(secret, "<token>");
  }
}
