package dev.cfpbot.form;

import java.text.Normalizer;
import java.util.Set;

/**
 * Cleans what a speaker typed before it is checked and stored. Control characters go (they break
 * exports and terminals), and so do invisible characters: zero-width spaces and joiners, the
 * bidirectional controls that make text display in another order than it is stored, and other
 * format characters. What makes emoji and scripts whole stays: the joiner inside an emoji sequence
 * (👩‍💻), variation selectors after a character (❤️, and ideographic variants of names), the tags
 * of a subdivision flag, and the joiners of scripts that need them (Arabic, Indic). The result is
 * in NFC, so the same name typed on two keyboards is stored the same way.
 */
public final class TextCleaner {
  /** Scripts whose letters a zero-width (non-)joiner legitimately sits between. */
  private static final Set<Character.UnicodeScript> JOINING =
      Set.of(
          Character.UnicodeScript.ARABIC,
          Character.UnicodeScript.SYRIAC,
          Character.UnicodeScript.NKO,
          Character.UnicodeScript.MONGOLIAN,
          Character.UnicodeScript.MANDAIC,
          Character.UnicodeScript.DEVANAGARI,
          Character.UnicodeScript.BENGALI,
          Character.UnicodeScript.GURMUKHI,
          Character.UnicodeScript.GUJARATI,
          Character.UnicodeScript.ORIYA,
          Character.UnicodeScript.TAMIL,
          Character.UnicodeScript.TELUGU,
          Character.UnicodeScript.KANNADA,
          Character.UnicodeScript.MALAYALAM,
          Character.UnicodeScript.SINHALA);

  private static final int ZWNJ = 0x200C;
  private static final int ZWJ = 0x200D;
  private static final int WAVING_BLACK_FLAG = 0x1F3F4;

  private TextCleaner() {}

  /**
   * The cleaned text, without surrounding white space. With {@code multiline}, line breaks are kept
   * (CRLF becomes LF); otherwise they become spaces.
   */
  public static String clean(String text, boolean multiline) {
    if (text == null) {
      return "";
    }
    int[] cps = text.replace("\r\n", "\n").replace('\r', '\n').codePoints().toArray();
    StringBuilder out = new StringBuilder(text.length());
    int kept = -1; // the last code point kept: what a joiner or selector attaches to
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
        cp = multiline ? '\n' : ' ';
      } else if (cp == '\t') {
        cp = ' ';
      } else if (!keep(cp, kept, i + 1 < cps.length ? cps[i + 1] : -1)) {
        continue;
      }
      out.appendCodePoint(cp);
      kept = cp;
    }
    return Normalizer.normalize(strip(out.toString()), Normalizer.Form.NFC);
  }

  /**
   * Whether {@code text} carries the marks of bytes that were not valid UTF-8: U+FFFD, which every
   * decoder the bot uses puts in their place, or half of a surrogate pair (a JSON escape such as
   * {@code \ud800} decodes to one).
   */
  public static boolean isGarbled(String text) {
    return text != null && (text.indexOf('\uFFFD') >= 0 || hasLoneSurrogate(text));
  }

  /**
   * {@code text} with each half of a surrogate pair that has no other half replaced by U+FFFD:
   * well-formed UTF-16, which every database stores as it is and {@link #isGarbled} still knows.
   */
  public static String wellFormed(String text) {
    if (!hasLoneSurrogate(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i); // a lone half comes back as itself
      out.appendCodePoint(Character.getType(cp) == Character.SURROGATE ? 0xFFFD : cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code text} has a letter or a digit (of any script): not only emoji or punctuation.
   */
  public static boolean hasLetterOrDigit(String text) {
    return text.codePoints()
        .anyMatch(
            cp ->
                Character.isLetterOrDigit(cp)
                    || Character.getType(cp) == Character.LETTER_NUMBER
                    || Character.getType(cp) == Character.OTHER_NUMBER);
  }

  /** Length as a person counts it: one per character, an emoji or a Chinese character is one. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  private static boolean keep(int cp, int previous, int next) {
    if (cp == ZWJ) {
      return emojiPart(previous) && emoji(next) || joining(previous) && joining(next);
    }
    if (cp == ZWNJ) {
      return joining(previous) && joining(next);
    }
    if (variationSelector(cp)) {
      return base(previous);
    }
    if (cp >= 0xE0020 && cp <= 0xE007F) {
      // The tags of a subdivision flag (🏴 + tags + cancel tag): nothing else may use them.
      return previous == WAVING_BLACK_FLAG || previous >= 0xE0020 && previous <= 0xE007F;
    }
    if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0) {
      return false; // Hangul fillers: letters by category, blank on screen
    }
    int type = Character.getType(cp);
    return type != Character.CONTROL && type != Character.FORMAT;
  }

  /** Pictographs, including those newer than this JDK's Unicode tables (unassigned here). */
  private static boolean emoji(int cp) {
    return cp >= 0
        && (Character.getType(cp) == Character.OTHER_SYMBOL
            || cp >= 0x1F000 && cp <= 0x1FAFF
            || cp >= 0x2600 && cp <= 0x27BF);
  }

  /** What a joiner may follow in an emoji sequence: a pictograph, a skin tone, or VS16 (️). */
  private static boolean emojiPart(int cp) {
    return emoji(cp) || cp == 0xFE0F;
  }

  private static boolean joining(int cp) {
    if (cp < 0) {
      return false;
    }
    int type = Character.getType(cp);
    boolean letterOrMark =
        Character.isLetter(cp)
            || type == Character.NON_SPACING_MARK
            || type == Character.COMBINING_SPACING_MARK;
    return letterOrMark && JOINING.contains(Character.UnicodeScript.of(cp));
  }

  private static boolean variationSelector(int cp) {
    return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
  }

  /** A character a variation selector can modify: a visible one, not space or another selector. */
  private static boolean base(int cp) {
    if (cp < 0
        || variationSelector(cp)
        || Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)) {
      return false;
    }
    int type = Character.getType(cp);
    return type != Character.CONTROL && type != Character.FORMAT;
  }

  /** Strips white space at both ends, the no-break kinds (U+00A0, U+3000...) included. */
  private static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && blank(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && blank(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  private static boolean blank(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }
}
