package dev.cfpbot.organizer;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.OrganizerCommand;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.conversation.Command;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.process.OrganizerTurn;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Organizer commands, from whichever chat they come, checked against the channel's organizer list.
 * In groups and channels the form does not run: {@code /start} there points to the private chat,
 * and other talk is ignored.
 */
public final class OrganizerCommands implements OrganizerTurn {
  private static final Logger log = LoggerFactory.getLogger(OrganizerCommands.class);

  private final Map<String, OrganizerCommand> commands = new LinkedHashMap<>();
  private final Map<String, Routes> routes;
  private final Messages messages;
  private final Lang lang;

  public OrganizerCommands(Map<String, Routes> routes, Messages messages, Lang lang) {
    this.routes = routes;
    this.messages = messages;
    this.lang = lang;
    register(
        "help", (tx, in, arg, now) -> List.of(Reply.text(messages.text(lang, "organizer.help"))));
  }

  /** Adds a command, e.g. {@code register("digest", ...)} for {@code /digest}. */
  public OrganizerCommands register(String name, OrganizerCommand command) {
    commands.put(name, command);
    return this;
  }

  @Override
  public boolean accepts(Inbound in) {
    if (!in.privateChat()) {
      return true;
    }
    return name(in).filter(n -> !n.equals("help") && commands.containsKey(n)).isPresent();
  }

  @Override
  public List<Reply> handle(Tx tx, Inbound in, Instant now) {
    Optional<String> name = name(in);
    if (name.isEmpty()) {
      return List.of();
    }
    if (!in.privateChat() && (name.get().equals("start") || name.get().equals("submit"))) {
      Routes r = routes.get(in.channel());
      String link = r == null || r.privateChatLink() == null ? "" : r.privateChatLink();
      return List.of(Reply.text(messages.text(lang, "group.start", "link", link).strip()));
    }
    OrganizerCommand command = commands.get(name.get());
    if (command == null) {
      return List.of();
    }
    Routes r = routes.get(in.channel());
    // Who asked is not logged: platform ids are personal data. Decisions record their organizer in
    // the submission's history, which only organizers read.
    if (r == null || !r.isOrganizer(in.sender().id())) {
      log.warn("refused organizer command /{} on {}: not an organizer", name.get(), in.channel());
      return List.of(Reply.text(messages.text(lang, "organizer.refused")));
    }
    log.info("organizer command /{} on {}", name.get(), in.channel());
    return command.run(tx, in, argument(in), now);
  }

  /**
   * An organizer's /help in a private chat (on the console, the person at the keyboard): the
   * organizer commands follow the speaker's.
   */
  @Override
  public List<Reply> besides(Inbound in) {
    boolean help =
        in.privateChat()
            && Command.parse(said(in)).map(c -> c.kind() == Command.Kind.HELP).orElse(false);
    Routes r = routes.get(in.channel());
    return help && r != null && r.isOrganizer(in.sender().id())
        ? List.of(Reply.text(messages.text(lang, "organizer.help")))
        : List.of();
  }

  private static Optional<String> name(Inbound in) {
    String said = said(in);
    if (!said.startsWith("/")) {
      return Optional.empty();
    }
    String first = said.substring(1).split("\\s+", 2)[0];
    return Optional.of(first.split("@", 2)[0].toLowerCase(Locale.ROOT));
  }

  private static String argument(Inbound in) {
    String[] parts = said(in).split("\\s+", 2);
    return parts.length > 1 ? parts[1].strip() : "";
  }

  /** What was typed, or the command an alert's button carries (its accept/reject buttons). */
  private static String said(Inbound in) {
    if (in.content() instanceof Content.Text text) {
      return text.text().strip();
    }
    return in.content() instanceof Content.Pressed press ? press.data().strip() : "";
  }
}
