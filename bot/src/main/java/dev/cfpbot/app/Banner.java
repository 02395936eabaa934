package dev.cfpbot.app;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.TimeFormat;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;

/** What start-up says: the events and their deadlines, where data lives, which channels run. */
final class Banner {
  private Banner() {}

  static void print(Launch launch, Collection<String> channels, int httpPort) {
    PrintStream out = launch.io().err();
    Lang lang = launch.config().bot().organizerLanguage();
    List<EventConfig> open = launch.config().openEvents(launch.io().clock().instant());
    out.println("cfp-bot is running.");
    for (EventConfig event : launch.config().events()) {
      out.println(
          "  event:    "
              + event.title().in(lang)
              + " ("
              + event.id()
              + ")"
              + (open.contains(event) ? "" : " [closed]"));
      out.println("  deadline: " + TimeFormat.dateTime(event.deadline(), event.timeZone(), lang));
    }
    out.println("  data:     " + launch.settings().dataDir().toAbsolutePath().normalize());
    out.println("  channels: " + String.join(", ", channels));
    if (httpPort > 0) {
      out.println("  http:     port " + httpPort);
    }
    if (channels.contains("console")) {
      out.println("Type 投稿 (or /start) to submit a talk, /help for help; Ctrl-D to quit.");
    }
  }
}
