package dev.cfpbot.organizer.agenda;

import dev.cfpbot.channel.Capabilities;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.files.PrivateFiles;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.i18n.TimeFormat;
import dev.cfpbot.links.CalendarLinks;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.PublishedTalk;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tells each speaker their slot when the agenda is published, and again when it moves: in their
 * language, with the calendar file attached where the channel sends files, or a signed link to it
 * where it cannot.
 */
public final class SlotNotices {
  private final CfpConfig config;
  private final Messages messages;
  private final Storage storage;
  private final Outbox outbox;
  private final Map<String, Capabilities> capabilities;
  private final Path dataDir;
  private final CalendarLinks links;

  /**
   * @param links signed links to calendar files; null without a public URL (then no link)
   */
  public SlotNotices(
      CfpConfig config,
      Messages messages,
      Storage storage,
      Outbox outbox,
      Map<String, Capabilities> capabilities,
      Path dataDir,
      CalendarLinks links) {
    this.config = config;
    this.messages = messages;
    this.storage = storage;
    this.outbox = outbox;
    this.capabilities = Map.copyOf(capabilities);
    this.dataDir = dataDir;
    this.links = links;
  }

  /** Tells the speakers whose slot is new or moved since {@code before}; returns how many. */
  public int slots(Tx tx, Agenda agenda, List<PublishedTalk> before, Instant now) {
    Map<String, Instant> was =
        before.stream()
            .collect(Collectors.toMap(PublishedTalk::submissionId, PublishedTalk::startsAt));
    int told = 0;
    for (Agenda.Item item : agenda.talks()) {
      Submission s = item.talk().submission();
      Instant start = item.slot().start().atZone(agenda.event().timeZone()).toInstant();
      if (start.equals(was.get(s.id()))) {
        continue;
      }
      Optional<Speaker> speaker = storage.speakers().get(tx, s.speakerId());
      if (speaker.isPresent()) {
        outbox.send(
            tx,
            speaker.get().channel(),
            speaker.get().externalId(),
            "agenda-slot",
            slot(speaker.get(), agenda.event(), item, now),
            now);
        told++;
      }
    }
    return told;
  }

  private Reply slot(Speaker speaker, EventConfig event, Agenda.Item item, Instant now) {
    Lang lang = Lang.parse(speaker.language()).orElse(config.bot().defaultLanguage());
    String text =
        messages.text(
            lang,
            "agenda.your_slot",
            "event",
            event.title().in(lang),
            "title",
            AgendaText.title(item.talk(), lang),
            "when",
            TimeFormat.span(item.slot().start(), item.slot().end(), event.timeZone(), lang),
            "place",
            event.place() == null ? "" : event.place().in(lang));
    String ics = calendar(messages, event, item, lang, now);
    Capabilities c = capabilities.get(speaker.channel());
    if (c != null && c.files()) {
      return new Reply(
          text + "\n" + messages.text(lang, "agenda.calendar_attached"),
          List.of(),
          false,
          write(item.talk().submission(), ics));
    }
    if (links == null) {
      return Reply.text(text);
    }
    Instant expires = event.startInstant().plus(Duration.ofDays(2));
    return Reply.text(
        text
            + "\n"
            + messages.text(
                lang,
                "agenda.calendar_link",
                "url",
                links.link(item.talk().submission().id(), expires)));
  }

  /** The .ics of the talk's slot, in the event's zone. */
  public static String calendar(
      Messages messages, EventConfig event, Agenda.Item item, Lang lang, Instant now) {
    return Ics.event(
        item.talk().submission().id() + "@cfp-bot",
        item.slot().start().atZone(event.timeZone()).toInstant(),
        item.slot().end().atZone(event.timeZone()).toInstant(),
        event.timeZone(),
        AgendaText.title(item.talk(), lang) + " · " + event.title().in(lang),
        event.place() == null ? null : event.place().in(lang),
        event.contact() == null
            ? null
            : messages.text(lang, "agenda.contact", "contact", event.contact()),
        now);
  }

  /** Writes the file (0600 from its creation) where the sender finds attachments. */
  private FileRef write(Submission s, String ics) {
    byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);
    try {
      Path dir = PrivateFiles.directory(dataDir.resolve("calendar"));
      Path file = dir.resolve(UUID.randomUUID() + ".ics");
      try (OutputStream out = PrivateFiles.create(file)) {
        out.write(bytes);
      }
      return new FileRef(
          s.code() + ".ics",
          "text/calendar",
          bytes.length,
          null,
          dataDir.relativize(file).toString(),
          null);
    } catch (IOException e) {
      throw new UncheckedIOException("write calendar file", e);
    }
  }
}
