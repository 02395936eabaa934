package dev.cfpbot.channel;

import dev.cfpbot.channel.Capabilities.LengthUnit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text that is too long for one message into several, at paragraph breaks where it can,
 * else at line breaks, else between characters — never inside a character (an emoji or a Chinese
 * character stays whole).
 */
public final class TextSplitter {
  private TextSplitter() {}

  public static List<String> split(String text, int max, LengthUnit unit) {
    List<String> chunks = new ArrayList<>();
    if (length(text, unit) <= max) {
      chunks.add(text);
      return chunks;
    }
    StringBuilder current = new StringBuilder();
    for (String paragraph : text.split("\n\n", -1)) {
      append(chunks, current, paragraph, "\n\n", max, unit);
    }
    if (current.length() > 0) {
      chunks.add(current.toString());
    }
    return chunks;
  }

  /** Adds {@code piece} to the current chunk, or starts a new one; breaks pieces that never fit. */
  private static void append(
      List<String> chunks,
      StringBuilder current,
      String piece,
      String separator,
      int max,
      LengthUnit unit) {
    String joined = current.length() == 0 ? piece : current + separator + piece;
    if (length(joined, unit) <= max) {
      current.setLength(0);
      current.append(joined);
      return;
    }
    if (current.length() > 0) {
      chunks.add(current.toString());
      current.setLength(0);
    }
    if (length(piece, unit) <= max) {
      current.append(piece);
    } else if (separator.equals("\n\n") && piece.contains("\n")) {
      for (String line : piece.split("\n", -1)) {
        append(chunks, current, line, "\n", max, unit);
      }
    } else {
      piece
          .codePoints()
          .forEach(
              cp -> {
                String c = new String(Character.toChars(cp));
                if (length(current + c, unit) > max) {
                  chunks.add(current.toString());
                  current.setLength(0);
                }
                current.append(c);
              });
    }
  }

  public static int length(String text, LengthUnit unit) {
    return unit == LengthUnit.UTF8_BYTES
        ? text.getBytes(StandardCharsets.UTF_8).length
        : text.length();
  }
}
