package dev.cfpbot.conversation;

/** What a speaker sent, as far as the engine cares. Channels translate their messages into it. */
public sealed interface Content {

  /** Typed text, including commands. */
  record Text(String text) implements Content {}

  /**
   * A document. The platform keeps it until it is fetched; {@code platformRef} lets the bot fetch
   * or re-send it.
   */
  record Attachment(String fileName, String mimeType, long size, String platformRef)
      implements Content {}

  /** A phone number shared through the platform's own button. */
  record SharedContact(String phone) implements Content {}

  /** A link card (WeChat "link" messages). */
  record Link(String url, String title) implements Content {}

  /** Anything the engine cannot read: a photo, a sticker, a voice note... */
  record Unsupported(String kind) implements Content {}

  /** The person started following the account (WeChat subscribe). */
  record Followed() implements Content {}
}
