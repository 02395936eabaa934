package dev.cfpbot.channel;

/**
 * What a channel can show, so that replies degrade gracefully where it cannot.
 *
 * @param buttons choices can be shown as buttons (otherwise the text already says what to type)
 * @param files documents can be received and sent
 * @param maxText the longest text one message may carry, counted in {@code unit}
 */
public record Capabilities(boolean buttons, boolean files, int maxText, LengthUnit unit) {

  /** How a platform counts a message's length. */
  public enum LengthUnit {
    /** UTF-16 code units, as Java strings and Telegram count. */
    CHARS,
    /** Bytes of UTF-8, as WeChat counts. */
    UTF8_BYTES
  }

  public Capabilities(boolean buttons, boolean files, int maxText) {
    this(buttons, files, maxText, LengthUnit.CHARS);
  }
}
