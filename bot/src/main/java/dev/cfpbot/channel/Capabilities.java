package dev.cfpbot.channel;

/**
 * What a channel can show, so that replies degrade gracefully where it cannot.
 *
 * @param buttons choices can be shown as buttons (otherwise the text already says what to type)
 * @param files documents can be received and sent
 * @param maxText the longest text one message may carry, counted in {@code unit}
 * @param synchronous messages are delivered on the caller's thread, in the order they were written,
 *     and each message's replies before the next message is read (the console: one terminal shows
 *     every recipient's messages); such a channel is never sent to in the background
 */
public record Capabilities(
    boolean buttons, boolean files, int maxText, LengthUnit unit, boolean synchronous) {

  /** How a platform counts a message's length. */
  public enum LengthUnit {
    /** UTF-16 code units, as Java strings and Telegram count. */
    CHARS,
    /** Bytes of UTF-8, as WeChat counts. */
    UTF8_BYTES
  }

  public Capabilities(boolean buttons, boolean files, int maxText, LengthUnit unit) {
    this(buttons, files, maxText, unit, false);
  }

  public Capabilities(boolean buttons, boolean files, int maxText) {
    this(buttons, files, maxText, LengthUnit.CHARS);
  }
}
