package dev.cfpbot.i18n;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A text in Chinese and English. In the config file it is either a plain string (the same in both)
 * or {@code {zh: ..., en: ...}}; a missing language falls back to the other.
 */
public record Localized(String zh, String en) {

  public Localized {
    if ((zh == null || zh.isBlank()) && (en == null || en.isBlank())) {
      throw new IllegalArgumentException("a text needs zh or en");
    }
  }

  @JsonCreator
  public static Localized of(@JsonProperty("zh") String zh, @JsonProperty("en") String en) {
    return new Localized(zh, en);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Localized same(String both) {
    return new Localized(both, both);
  }

  public String in(Lang lang) {
    String text = lang == Lang.ZH ? zh : en;
    return text == null || text.isBlank() ? (lang == Lang.ZH ? en : zh) : text;
  }
}
