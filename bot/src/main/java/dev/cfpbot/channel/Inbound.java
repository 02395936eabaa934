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
 * @param signedPair the signed one-time pair the message came under, which its turn records first
 *     (a replay check in the turn's own transaction); null where the channel checks none
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
    String messageId,
    SignedPair signedPair) {

  public Inbound(
      String channel,
      String chatId,
      String externalId,
      Sender sender,
      boolean privateChat,
      Content content,
      Instant receivedAt,
      boolean replyInline,
      String messageId) {
    this(
        channel,
        chatId,
        externalId,
        sender,
        privateChat,
        content,
        receivedAt,
        replyInline,
        messageId,
        null);
  }

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

  /** This message, to be taken only if {@code pair} is new or was taken with this same message. */
  public Inbound signedWith(SignedPair pair) {
    return new Inbound(
        channel,
        chatId,
        externalId,
        sender,
        privateChat,
        content,
        receivedAt,
        replyInline,
        messageId,
        pair);
  }
}
