package dev.cfpbot.process;

import dev.cfpbot.channel.Outbound;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.storage.OutboxStore;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes messages into the outbox, inside the caller's transaction: they are sent only if the
 * transaction commits, and sent even if the process dies right after.
 */
public final class Outbox {
  private final OutboxStore store;
  private final Map<String, Routes> routes;

  /**
   * @param routes each active channel's organizer and community routes, by channel name
   */
  public Outbox(OutboxStore store, Map<String, Routes> routes) {
    this.store = store;
    this.routes = Map.copyOf(routes);
  }

  /** Queues a reply to the chat a message came from. */
  public void reply(Tx tx, String channel, String chatId, Reply reply, Instant now) {
    send(tx, channel, chatId, "reply", reply, now);
  }

  /** Queues one message; returns its id. */
  public String send(
      Tx tx, String channel, String recipient, String kind, Reply message, Instant dueAt) {
    String id = UUID.randomUUID().toString();
    Outbound outbound =
        new Outbound(
            id,
            channel,
            recipient,
            kind,
            message.text(),
            message.choices(),
            message.requestContact(),
            message.file(),
            message.upload());
    store.enqueue(tx, id, channel, recipient, kind, OutboundCodec.encode(outbound), dueAt, dueAt);
    return id;
  }

  /** Queues a message to the organizers on every channel that has an organizer chat. */
  public void toOrganizers(Tx tx, String kind, Reply message, Instant now) {
    routes.forEach(
        (channel, r) ->
            r.organizerChats().forEach(chat -> send(tx, channel, chat, kind, message, now)));
  }

  /** Queues an announcement to the community channel of every channel that has one. */
  public void toCommunity(Tx tx, String kind, Reply message, Instant now) {
    routes.forEach(
        (channel, r) -> {
          if (r.community() != null) {
            send(tx, channel, r.community(), kind, message, now);
          }
        });
  }

  public Map<String, Routes> routes() {
    return routes;
  }
}
