package dev.cfpbot.i18n;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The languages the bot speaks. Chinese comes first: it is the seed community's language. */
public enum Lang {
  ZH("zh"),
  EN("en");

  private final String code;

  Lang(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public Lang other() {
    return this == ZH ? EN : ZH;
  }

  /** "zh", "en" and common spellings of them ("中文", "english", "zh-hans", ...). */
  public static Optional<Lang> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("zh")
        || t.startsWith("zh-")
        || t.startsWith("zh_")
        || t.equals("中文")
        || t.equals("chinese")
        || t.equals("汉语")
        || t.equals("简体中文")) {
      return Optional.of(ZH);
    }
    if (t.equals("en")
        || t.startsWith("en-")
        || t.startsWith("en_")
        || t.equals("english")
        || t.equals("英文")
        || t.equals("英语")) {
      return Optional.of(EN);
    }
    return Optional.empty();
  }

  /**
   * The language for a new speaker: English when the platform reports an English user interface,
   * otherwise {@code fallback}.
   */
  public static Lang fromPlatformHint(String languageCode, Lang fallback) {
    if (languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en")) {
      return EN;
    }
    if (languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("zh")) {
      return ZH;
    }
    return fallback;
  }

  @JsonCreator
  public static Lang of(String code) {
    return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown language " + code));
  }
}
