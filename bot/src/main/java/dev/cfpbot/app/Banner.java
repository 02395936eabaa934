package dev.cfpbot.app;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.TimeFormat;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Collection;

/** What start-up says: the events and their deadlines, where data lives, which channels run. */
final class Banner {
  private Banner() {}

  /**
   * @param terminal a channel chats in this terminal: say how to start
   */
  static void print(Launch launch, Collection<String> channels, boolean terminal, int httpPort) {
    PrintStream out = launch.io().err();
    Lang lang = launch.config().bot().organizerLanguage();
    Instant now = launch.io().clock().instant();
    out.println("cfp-bot is running.");
    for (EventConfig event : launch.config().events()) {
      out.println(
          "  event:    "
              + event.title().in(lang)
              + " ("
              + event.id()
              + ")"
              + state(event, now, lang));
      out.println("  deadline: " + TimeFormat.dateTime(event.deadline(), event.timeZone(), lang));
    }
    out.println("  data:     " + launch.settings().dataDir().toAbsolutePath().normalize());
    out.println("  channels: " + String.join(", ", channels));
    if (httpPort > 0) {
      out.println("  http:     port " + httpPort);
    }
    if (terminal) {
      // The words the engine knows, in the language the chat starts in.
      out.println(
          launch.config().bot().defaultLanguage() == Lang.EN
              ? "Type submit (or /start) to submit a talk, help for help; Ctrl-D to quit."
              : "Type 投稿 (or /start) to submit a talk, 帮助 (or /help) for help; Ctrl-D to quit.");
    }
  }

  /** Nothing for an open call; when it opens, for one that has not yet; closed after it. */
  private static String state(EventConfig event, Instant now, Lang lang) {
    if (event.isOpen(now)) {
      return "";
    }
    if (event.opensAt() != null && now.isBefore(event.closesAt())) {
      return " [opens " + TimeFormat.dateTime(event.opensAt(), event.timeZone(), lang) + "]";
    }
    return " [closed]";
  }
}
