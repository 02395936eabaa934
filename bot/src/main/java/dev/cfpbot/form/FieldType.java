package dev.cfpbot.form;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of answer a field takes; decides the check and the default limits. */
public enum FieldType {
  @JsonProperty("short_text")
  SHORT_TEXT(100),
  @JsonProperty("long_text")
  LONG_TEXT(2000),
  @JsonProperty("phone")
  PHONE(40),
  @JsonProperty("wechat_id")
  WECHAT_ID(40),
  @JsonProperty("email")
  EMAIL(254),
  @JsonProperty("url")
  URL(2000),
  @JsonProperty("file")
  FILE(2000),
  /** One of the field's options: buttons where the channel has them, a numbered list in text. */
  @JsonProperty("choice")
  CHOICE(200);

  private final int defaultMaxLength;

  FieldType(int defaultMaxLength) {
    this.defaultMaxLength = defaultMaxLength;
  }

  public int defaultMaxLength() {
    return defaultMaxLength;
  }

  /** Whether the type's format decides an answer's length (phone numbers, WeChat IDs). */
  public boolean hasOwnFormat() {
    return this == PHONE || this == WECHAT_ID;
  }

  /** The name the config gives the type, e.g. {@code wechat_id}. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether answers may span several lines. */
  public boolean multiline() {
    return this == LONG_TEXT;
  }
}
