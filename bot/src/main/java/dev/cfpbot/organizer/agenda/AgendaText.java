package dev.cfpbot.organizer.agenda;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.i18n.TimeFormat;
import dev.cfpbot.storage.rows.PublishedTalk;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the agenda says in chat: the post for the community, and what changed since the last. */
final class AgendaText {
  static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private final Messages messages;

  AgendaText(Messages messages) {
    this.messages = messages;
  }

  /** The post: the event, when and where, each slot, and the page's address when there is one. */
  String post(Agenda agenda, Lang lang, String pageUrl) {
    EventConfig event = agenda.event();
    List<String> lines = new ArrayList<>();
    lines.add(
        messages.text(
            lang,
            "agenda.header",
            "event",
            event.title().in(lang),
            "when",
            TimeFormat.span(event.startsAt(), event.endsAt(), event.timeZone(), lang),
            "place",
            event.place() == null ? "" : event.place().in(lang)));
    for (Agenda.Item item : agenda.items()) {
      String at = CLOCK.format(item.slot().start());
      if (!item.slot().isTalk()) {
        lines.add(at + " " + item.slot().label());
      } else if (item.talk() == null) {
        lines.add(at + " " + messages.text(lang, "agenda.free"));
      } else {
        lines.add(at + " " + talk(item.talk(), lang));
      }
    }
    String text = String.join("\n", lines);
    return pageUrl == null
        ? text
        : text + "\n\n" + messages.text(lang, "agenda.link", "url", pageUrl);
  }

  /** 《Title》 — Name */
  String talk(Agenda.Talk talk, Lang lang) {
    String title = title(talk, lang);
    return talk.name().isEmpty() ? title : title + " — " + talk.name();
  }

  /** 《Title》 in Chinese, “Title” in English. */
  static String title(Agenda.Talk talk, Lang lang) {
    return lang == Lang.ZH ? "《" + talk.title() + "》" : "“" + talk.title() + "”";
  }

  /**
   * What changed from {@code before} (the last publication) to {@code now}: one line per talk
   * moved, added or gone; empty when nothing did.
   */
  List<String> changes(
      List<PublishedTalk> before,
      Agenda now,
      Lang lang,
      Function<String, Optional<Agenda.Talk>> gone) {
    Map<String, PublishedTalk> was =
        before.stream().collect(Collectors.toMap(PublishedTalk::submissionId, p -> p));
    List<String> lines = new ArrayList<>();
    for (Agenda.Item item : now.talks()) {
      PublishedTalk p = was.remove(item.talk().submission().id());
      Instant start = item.slot().start().atZone(now.event().timeZone()).toInstant();
      String to = CLOCK.format(item.slot().start());
      if (p == null) {
        lines.add(
            messages.text(lang, "agenda.change.added", "talk", talk(item.talk(), lang), "to", to));
      } else if (!p.startsAt().equals(start)) {
        String from = CLOCK.format(p.startsAt().atZone(now.event().timeZone()));
        lines.add(
            messages.text(
                lang,
                "agenda.change.moved",
                "talk",
                talk(item.talk(), lang),
                "from",
                from,
                "to",
                to));
      }
    }
    for (PublishedTalk p : was.values()) {
      gone.apply(p.submissionId())
          .ifPresent(
              t -> lines.add(messages.text(lang, "agenda.change.removed", "talk", talk(t, lang))));
    }
    return lines;
  }
}
