package dev.cfpbot.process;

import dev.cfpbot.channel.Capabilities;
import dev.cfpbot.channel.LinksInText;
import dev.cfpbot.channel.Outbound;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.channel.TextSplitter;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.storage.OutboxStore;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes messages into the outbox, inside the caller's transaction: they are sent only if the
 * transaction commits, and sent even if the process dies right after.
 */
public final class Outbox {
  private final OutboxStore store;
  private final Map<String, Routes> routes;
  private final Map<String, Capabilities> capabilities;
  private final Map<String, LinksInText> links;

  /**
   * @param routes each active channel's organizer and community routes, by channel name
   * @param capabilities each channel's limits: a text too long for one message is split
   */
  public Outbox(
      OutboxStore store, Map<String, Routes> routes, Map<String, Capabilities> capabilities) {
    this(store, routes, capabilities, Map.of());
  }

  /**
   * @param links the channels that show upload requests and files as links in the text
   */
  public Outbox(
      OutboxStore store,
      Map<String, Routes> routes,
      Map<String, Capabilities> capabilities,
      Map<String, LinksInText> links) {
    this.store = store;
    this.routes = Map.copyOf(routes);
    this.capabilities = Map.copyOf(capabilities);
    this.links = Map.copyOf(links);
  }

  /** Queues a reply to the chat a message came from. */
  public void reply(Tx tx, String channel, String chatId, Reply reply, Instant now) {
    send(tx, channel, chatId, "reply", reply, now);
  }

  /**
   * Queues one message, split into several when it is too long for the channel (the choices, file
   * and upload request go with the last part). Returns the outbox ids of its parts, in order: a
   * message queued for later can be taken back with them ({@code OutboxStore.cancelUnsent}).
   */
  public List<String> send(
      Tx tx, String channel, String recipient, String kind, Reply reply, Instant dueAt) {
    Reply message = render(tx, channel, recipient, reply, dueAt);
    List<String> parts = parts(channel, message.text());
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      String id = UUID.randomUUID().toString();
      Outbound outbound =
          new Outbound(
              id,
              channel,
              recipient,
              kind,
              parts.get(i),
              last ? message.choices() : List.of(),
              last && message.requestContact(),
              last ? message.file() : null,
              last ? message.upload() : null,
              last ? message.buttonKey() : null);
      store.enqueue(tx, id, channel, recipient, kind, OutboundCodec.encode(outbound), dueAt, dueAt);
      ids.add(id);
    }
    return ids;
  }

  /**
   * {@code reply} as {@code channel} shows it: with the links a channel without uploads or files
   * puts in the text (see {@link LinksInText}); unchanged for other channels.
   */
  public Reply render(Tx tx, String channel, String recipient, Reply reply, Instant now) {
    LinksInText renderer = links.get(channel);
    if (renderer == null || (reply.upload() == null && reply.file() == null)) {
      return reply;
    }
    return renderer.render(tx, recipient, reply, now);
  }

  /** {@code text} in parts that each fit one message of {@code channel}. */
  public List<String> parts(String channel, String text) {
    Capabilities c = capabilities.get(channel);
    return c == null ? List.of(text) : TextSplitter.split(text, c.maxText(), c.unit());
  }

  /** Queues a message to the organizers on every channel that has an organizer chat. */
  public void toOrganizers(Tx tx, String kind, Reply message, Instant now) {
    routes.forEach(
        (channel, r) ->
            r.organizerChats().forEach(chat -> send(tx, channel, chat, kind, message, now)));
  }

  /**
   * Queues a post to the community channel of every channel that has one; a routine post (a
   * countdown) only where the channel takes routine posts. Returns the channels posted to.
   */
  public List<String> toCommunity(Tx tx, String kind, Reply message, boolean routine, Instant now) {
    List<String> posted = new java.util.ArrayList<>();
    routes.forEach(
        (channel, r) -> {
          if (r.community() != null && (!routine || r.routinePosts())) {
            send(tx, channel, r.community(), kind, message, now);
            posted.add(channel);
          }
        });
    return posted;
  }

  public Map<String, Routes> routes() {
    return routes;
  }
}
