package dev.cfpbot.organizer;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Choice;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Posting the call to the community: {@code /announce} shows the post to the organizer who asked,
 * {@code /announce confirm} posts it, {@code /announce update <text>} posts a follow-up (the venue
 * once it is known). Every post carries a button that opens the bot's private chat on the form.
 * {@code /announce speakers <text>} tells every speaker of the call in their own chat.
 */
public final class Announcements {
  static final String BUTTON = "我要投稿 / Submit a talk";

  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;
  private final Outbox outbox;
  private final Storage storage;
  private final Lang lang;

  public Announcements(CfpConfig config, Messages messages, Storage storage, Outbox outbox) {
    this.config = config;
    this.storage = storage;
    this.messages = messages;
    this.templates = new Templates(messages);
    this.outbox = outbox;
    this.lang = config.bot().organizerLanguage();
  }

  public void registerAll(OrganizerCommands commands) {
    commands.register("announce", this::announce);
  }

  /** The post that opens the call; for a call that opens later, it says when. */
  public Reply call(EventConfig event, Instant now) {
    String summary = templates.event(event, lang);
    String text =
        event.isUpcoming(now)
            ? messages.text(
                lang,
                "announce.call_upcoming",
                "summary",
                summary,
                "opens",
                templates.opens(event, lang))
            : messages.text(lang, "announce.call", "summary", summary);
    return new Reply(text, submitButton(event), false);
  }

  static List<Choice> submitButton(EventConfig event) {
    return List.of(new Choice(BUTTON, "/start " + event.id()));
  }

  private List<Reply> announce(Tx tx, Inbound in, String arg, Instant now) {
    String[] parts = arg.strip().split("\\s+", 2);
    String verb = parts[0];
    if (verb.equals("speakers")) {
      return toSpeakers(tx, parts.length > 1 ? parts[1].strip() : "", now);
    }
    if (verb.equals("update")) {
      String text = parts.length > 1 ? parts[1].strip() : "";
      if (text.isEmpty()) {
        return Usage.of(messages, lang, "announce", messages.text(lang, "announce.update_empty"));
      }
      EventConfig event = event("", now).orElseThrow();
      return posted(
          outbox.toCommunity(
              tx, "announcement-update", new Reply(text, submitButton(event), false), false, now));
    }
    boolean confirm = verb.equals("confirm");
    String eventId = confirm ? (parts.length > 1 ? parts[1].strip() : "") : verb;
    Optional<EventConfig> event = event(eventId, now);
    if (event.isEmpty()) {
      return Usage.of(
          messages, lang, "announce", messages.text(lang, "organizer.no_event", "event", eventId));
    }
    if (confirm) {
      return posted(outbox.toCommunity(tx, "announcement", call(event.get(), now), false, now));
    }
    // The preview goes to the organizer exactly as the community will see it.
    outbox.send(tx, in.channel(), in.chatId(), "announcement-preview", call(event.get(), now), now);
    String command = "/announce confirm " + event.get().id();
    return List.of(
        new Reply(
            messages.text(lang, "announce.preview", "command", command),
            List.of(new Choice(messages.text(lang, "choice.post"), command)),
            false));
  }

  /**
   * A message to every speaker with a draft or a proposal for the open event (the venue changed,
   * the schedule is out), each in their own chat.
   */
  private List<Reply> toSpeakers(Tx tx, String text, Instant now) {
    if (text.isEmpty()) {
      return Usage.of(messages, lang, "announce", messages.text(lang, "announce.speakers_empty"));
    }
    EventConfig event = event("", now).orElseThrow();
    int sent = 0;
    for (String id : storage.submissions().speakersOf(tx, event.id())) {
      Optional<Speaker> speaker = storage.speakers().get(tx, id);
      if (speaker.isPresent()) {
        outbox.send(
            tx,
            speaker.get().channel(),
            speaker.get().externalId(),
            "notice",
            Reply.text(text),
            now);
        sent++;
      }
    }
    return List.of(Reply.text(messages.text(lang, "announce.speakers_sent", "count", sent)));
  }

  private List<Reply> posted(List<String> channels) {
    if (channels.isEmpty()) {
      return List.of(Reply.text(messages.text(lang, "announce.nowhere")));
    }
    return List.of(
        Reply.text(
            messages.text(lang, "announce.posted", "channels", String.join(", ", channels))));
  }

  /**
   * The event named; else the first open one, else the next to open (announced ahead), else the
   * first one.
   */
  private Optional<EventConfig> event(String id, Instant now) {
    if (!id.isBlank()) {
      return config.event(id);
    }
    List<EventConfig> open = config.openOrUpcomingEvents(now);
    return Optional.of(open.isEmpty() ? config.events().get(0) : open.get(0));
  }
}
