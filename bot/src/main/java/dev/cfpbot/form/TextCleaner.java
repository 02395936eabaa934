package dev.cfpbot.form;

/**
 * Cleans what a speaker typed: control characters go (they break exports and terminals), emoji and
 * every other Unicode character stay exactly as typed.
 */
public final class TextCleaner {
  private TextCleaner() {}

  /**
   * Removes control characters and surrounding whitespace. With {@code multiline}, line breaks are
   * kept (CRLF becomes LF); otherwise they become spaces.
   */
  public static String clean(String text, boolean multiline) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    normalised
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                out.append(multiline ? '\n' : ' ');
              } else if (cp == '\t') {
                out.append(' ');
              } else if (Character.getType(cp) != Character.CONTROL) {
                out.appendCodePoint(cp);
              }
            });
    return out.toString().strip();
  }

  /** Length as a person counts it: one per character, an emoji or a Chinese character is one. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
