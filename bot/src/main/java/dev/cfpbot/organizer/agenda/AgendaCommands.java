package dev.cfpbot.organizer.agenda;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Choice;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.organizer.OrganizerCommands;
import dev.cfpbot.organizer.Usage;
import dev.cfpbot.organizer.review.Organizer;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.Publication;
import dev.cfpbot.storage.rows.PublishedTalk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /agenda [event-id]} previews the agenda as the community will see it, with the slot
 * numbers; {@code /agenda move GZ-07 2} puts a talk in slot 2; {@code /agenda publish [event-id]}
 * posts it to the community (a later one posts what changed) and tells each speaker their slot.
 */
public final class AgendaCommands {
  private final CfpConfig config;
  private final Messages messages;
  private final Storage storage;
  private final Outbox outbox;
  private final AgendaPlanner planner;
  private final AgendaText text;
  private final SlotNotices notices;
  private final String publicUrl;
  private final Lang lang;

  /**
   * @param publicUrl where the public agenda page is served; null: no page
   */
  public AgendaCommands(
      CfpConfig config,
      Messages messages,
      Storage storage,
      Outbox outbox,
      SlotNotices notices,
      String publicUrl) {
    this.config = config;
    this.messages = messages;
    this.storage = storage;
    this.outbox = outbox;
    this.planner = new AgendaPlanner(config, storage);
    this.text = new AgendaText(messages);
    this.notices = notices;
    this.publicUrl = publicUrl;
    this.lang = config.bot().organizerLanguage();
  }

  public void registerAll(OrganizerCommands commands) {
    commands.register("agenda", this::agenda);
  }

  private List<Reply> agenda(Tx tx, Inbound in, String arg, Instant now) {
    String[] parts = arg.strip().split("\\s+");
    return switch (parts[0]) {
      case "move" -> move(tx, in, parts, now);
      case "publish" -> publish(tx, in, parts.length > 1 ? parts[1] : "", now);
      default -> preview(tx, in, parts[0], now);
    };
  }

  private List<Reply> preview(Tx tx, Inbound in, String eventId, Instant now) {
    Optional<EventConfig> event = event(eventId, now);
    if (event.isEmpty()) {
      return Usage.of(
          messages, lang, "agenda", messages.text(lang, "organizer.no_event", "event", eventId));
    }
    if (event.get().slots().isEmpty()) {
      return reply(messages.text(lang, "agenda.none", "event", event.get().title().in(lang)));
    }
    Agenda plan = planner.plan(tx, event.get());
    // The preview goes to the organizer exactly as the community will see it.
    outbox.send(
        tx,
        in.channel(),
        in.chatId(),
        "agenda-preview",
        Reply.text(text.post(plan, lang, pageUrl(event.get()))),
        now);
    List<String> slots = new ArrayList<>();
    for (Agenda.Item item : plan.items()) {
      if (item.number() > 0) {
        slots.add(
            item.number()
                + ". "
                + AgendaText.CLOCK.format(item.slot().start())
                + " "
                + (item.talk() == null
                    ? messages.text(lang, "agenda.free")
                    : item.talk().submission().code() + " " + text.talk(item.talk(), lang)));
      }
    }
    String waiting =
        plan.waiting().isEmpty()
            ? ""
            : messages.text(
                    lang,
                    "agenda.waiting",
                    "codes",
                    String.join(
                        ", ", plan.waiting().stream().map(t -> t.submission().code()).toList()))
                + "\n";
    String command = "/agenda publish " + event.get().id();
    return List.of(
        Reply.text(
            messages.text(
                lang,
                "agenda.preview_note",
                "slots",
                String.join("\n", slots),
                "waiting",
                waiting,
                "command",
                command),
            List.of(new Choice(messages.text(lang, "choice.publish_agenda"), command))));
  }

  private List<Reply> move(Tx tx, Inbound in, String[] parts, Instant now) {
    int position;
    try {
      position = parts.length == 3 ? Integer.parseInt(parts[2]) : -1;
    } catch (NumberFormatException e) {
      position = -1;
    }
    if (position < 1) {
      return Usage.of(messages, lang, "agenda");
    }
    Optional<Submission> found = storage.submissions().findByCode(tx, parts[1]);
    if (found.isEmpty()) {
      return reply(messages.text(lang, "organizer.unknown_code", "code", parts[1]));
    }
    Submission s = found.get();
    if (s.state() != SubmissionState.CONFIRMED || config.event(s.eventId()).isEmpty()) {
      return reply(
          messages.text(
              lang,
              "agenda.not_confirmed",
              "code",
              s.code(),
              "state",
              messages.text(lang, "state." + s.state().name())));
    }
    planner.move(tx, config.event(s.eventId()).get(), s, position);
    return preview(tx, in, s.eventId(), now);
  }

  private List<Reply> publish(Tx tx, Inbound in, String eventId, Instant now) {
    Optional<EventConfig> found = event(eventId, now);
    if (found.isEmpty()) {
      return Usage.of(
          messages, lang, "agenda", messages.text(lang, "organizer.no_event", "event", eventId));
    }
    EventConfig event = found.get();
    if (event.slots().isEmpty()) {
      return reply(messages.text(lang, "agenda.none", "event", event.title().in(lang)));
    }
    Agenda plan = planner.plan(tx, event);
    Optional<Publication> last = storage.agenda().lastPublication(tx, event.id());
    if (plan.talks().isEmpty() && last.isEmpty()) {
      return reply(messages.text(lang, "agenda.no_talks"));
    }
    List<PublishedTalk> before = storage.agenda().published(tx, event.id());
    String post = text.post(plan, lang, pageUrl(event));
    if (last.isPresent()) {
      Agenda old = planner.published(tx, event);
      List<String> changes =
          text.changes(before, plan, lang, id -> old.slotOf(id).map(Agenda.Item::talk));
      if (changes.isEmpty()) {
        return reply(messages.text(lang, "agenda.unchanged"));
      }
      post =
          messages.text(
                  lang,
                  "agenda.update_header",
                  "event",
                  event.title().in(lang),
                  "changes",
                  String.join("\n", changes))
              + "\n\n"
              + post;
    }
    List<PublishedTalk> talks =
        plan.talks().stream()
            .map(
                i ->
                    new PublishedTalk(
                        i.talk().submission().id(),
                        i.number(),
                        i.slot().start().atZone(event.timeZone()).toInstant()))
            .toList();
    Publication p =
        storage.agenda().publish(tx, event.id(), talks, Organizer.of(in, lang).actor(), now);
    planner.keep(tx, plan);
    List<String> channels =
        outbox.toCommunity(
            tx,
            last.isEmpty() ? "announcement" : "announcement-update",
            Reply.text(post),
            false,
            now);
    int told = notices.slots(tx, plan, before, now);
    return reply(
        messages
            .text(
                lang,
                "agenda.published",
                "version",
                p.version(),
                "channels",
                channels.isEmpty() ? "—" : String.join(", ", channels),
                "told",
                told,
                "url",
                Optional.ofNullable(pageUrl(event)).orElse(""))
            .strip());
  }

  /** The public page of {@code event}'s agenda; null without a public URL. */
  String pageUrl(EventConfig event) {
    return publicUrl == null ? null : publicUrl + "/agenda/" + event.id();
  }

  /** The event named, else the next to start, else the first. */
  private Optional<EventConfig> event(String id, Instant now) {
    if (!id.isBlank()) {
      return config.event(id);
    }
    return config.events().stream()
        .filter(e -> e.startInstant() != null && now.isBefore(e.startInstant()))
        .findFirst()
        .or(() -> Optional.of(config.events().get(0)));
  }

  private static List<Reply> reply(String text) {
    return List.of(Reply.text(text));
  }
}
