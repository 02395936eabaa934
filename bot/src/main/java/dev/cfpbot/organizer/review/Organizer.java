package dev.cfpbot.organizer.review;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.i18n.Lang;

/**
 * An organizer as their platform vouches for them when they write: the channel and the platform's
 * id of the sender (never anything the message says), what the platform calls them, and their
 * language.
 */
public record Organizer(String channel, String id, String name, Lang lang) {

  /** The sender of {@code in}, whom the organizer commands already checked against the roster. */
  public static Organizer of(Inbound in, Lang fallback) {
    return new Organizer(
        in.channel(),
        in.sender().id(),
        in.sender().displayName(),
        Lang.fromPlatformHint(in.sender().languageCode(), fallback));
  }

  /** How history and decisions name them: "telegram:777". */
  public String actor() {
    return channel + ":" + id;
  }

  @Override
  public String toString() {
    // The platform id identifies a person: keep it out of logs.
    return "Organizer[" + channel + "]";
  }
}
