package dev.cfpbot.conversation;

import dev.cfpbot.domain.FileRef;

/** What a speaker sent, as far as the engine cares. Channels translate their messages into it. */
public sealed interface Content {

  /** Typed text, including commands. */
  record Text(String text) implements Content {}

  /**
   * A document. The channel stores it before the turn when it can ({@code stored}); {@code
   * platformRef} lets the bot re-send it without uploading it again.
   *
   * @param refusal why the channel could not store it; null when it could (or did not try)
   * @param target the proposal and field it was uploaded for (the upload page's link names them);
   *     null for a file sent in the chat, which answers whatever the chat is at
   */
  record Attachment(
      String fileName,
      String mimeType,
      long size,
      String platformRef,
      FileRef stored,
      Refusal refusal,
      Target target)
      implements Content {

    public Attachment(
        String fileName,
        String mimeType,
        long size,
        String platformRef,
        FileRef stored,
        Refusal refusal) {
      this(fileName, mimeType, size, platformRef, stored, refusal, null);
    }

    public Attachment(String fileName, String mimeType, long size, String platformRef) {
      this(fileName, mimeType, size, platformRef, null, null, null);
    }
  }

  /** The field of a proposal a file was uploaded for. */
  record Target(String submissionId, String fieldId) {}

  /** Why a channel could not take a file. */
  enum Refusal {
    /** Larger than the platform lets bots download (Telegram: 20 MB). */
    TOO_LARGE_FOR_CHANNEL,
    /** The content is not what the name says (a .pdf that is no PDF). */
    CONTENT_MISMATCH,
    /** The channel could not fetch it (the platform was unreachable): send it again. */
    NOT_RECEIVED
  }

  /**
   * A button pressed: {@code data} is what the button carried, {@code key} the key of the question
   * it was issued for (see {@link ButtonKeys}); null when the data carried no key. Either may be
   * forged: a press acts only when its key matches the question now being asked.
   */
  record Pressed(String key, String data) implements Content {}

  /**
   * The speaker edited an earlier message of theirs.
   *
   * @param messageId the platform's id of the edited message (what {@link TurnInput#messageId()}
   *     was when it arrived)
   * @param text its new text; null when the edit left no text (a caption removed)
   */
  record Edited(String messageId, String text) implements Content {}

  /** A phone number shared through the platform's own button. */
  record SharedContact(String phone) implements Content {}

  /** A link card (WeChat "link" messages). */
  record Link(String url, String title) implements Content {}

  /** Anything the engine cannot read: a photo, a sticker, a voice note... */
  record Unsupported(String kind) implements Content {}

  /** The person started following the account (WeChat subscribe). */
  record Followed() implements Content {}

  /**
   * Not a message: the chat's channel has started again (the console after a restart), and the
   * person may no longer see the question they were asked. The engine says where the conversation
   * stands, if it is anywhere.
   */
  record Resumed() implements Content {}
}
