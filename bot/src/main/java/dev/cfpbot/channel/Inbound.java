package dev.cfpbot.channel;

import dev.cfpbot.conversation.Content;
import java.time.Instant;

/**
 * One message from a platform, in the bot's terms.
 *
 * @param chatId where replies go: the private chat, or the group the message came from
 * @param externalId the platform's id of this message, unique per channel: a redelivery carries the
 *     same id and is recognised
 * @param privateChat false for groups and channels, where the form does not run
 * @param replyInline the channel returns the first reply in its response (WeChat passive reply)
 * @param messageId the platform's id of the message within its chat, which a later edit of it names
 *     (Telegram's message_id); null where messages cannot be edited or have no id
 */
public record Inbound(
    String channel,
    String chatId,
    String externalId,
    Sender sender,
    boolean privateChat,
    Content content,
    Instant receivedAt,
    boolean replyInline,
    String messageId) {

  public Inbound(
      String channel,
      String chatId,
      String externalId,
      Sender sender,
      boolean privateChat,
      Content content,
      Instant receivedAt,
      boolean replyInline) {
    this(channel, chatId, externalId, sender, privateChat, content, receivedAt, replyInline, null);
  }
}
