package dev.cfpbot.form;

import dev.cfpbot.i18n.Lang;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a typed answer against its field. */
public final class FieldValidator {
  private static final Pattern WECHAT_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{5,19}");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

  private FieldValidator() {}

  public static Validation validate(Field field, String typed) {
    if (TextCleaner.isGarbled(typed)) {
      // Bytes that were not UTF-8 arrive as U+FFFD (or a lone surrogate): storing them would keep
      // "���" in place of what the speaker typed.
      return Validation.Invalid.of("invalid.encoding");
    }
    String text = TextCleaner.clean(typed, field.type().multiline());
    if (text.isEmpty()) {
      return Validation.Invalid.of(invisible(typed) ? "invalid.invisible" : "invalid.empty");
    }
    if (field.type() == FieldType.CHOICE) {
      return choice(field, text);
    }
    int length = TextCleaner.length(text);
    if (length > field.maxLength()) {
      // A phone number or a WeChat ID has a format of its own, which its refusal states; the
      // length bound only keeps huge input away from the format check.
      return switch (field.type()) {
        case PHONE -> Validation.Invalid.of("invalid.phone");
        case WECHAT_ID -> Validation.Invalid.of("invalid.wechat");
        default ->
            Validation.Invalid.of("invalid.too_long", "max", field.maxLength(), "length", length);
      };
    }
    boolean prose = field.type() == FieldType.SHORT_TEXT || field.type() == FieldType.LONG_TEXT;
    if (prose && !TextCleaner.hasLetterOrDigit(text)) {
      return Validation.Invalid.of("invalid.no_letters");
    }
    if (length < field.minLength()) {
      return Validation.Invalid.of("invalid.too_short", "min", field.minLength(), "length", length);
    }
    return switch (field.type()) {
      case SHORT_TEXT, LONG_TEXT -> new Validation.Valid(text);
      case PHONE ->
          PhoneNumbers.normalise(text)
              .<Validation>map(Validation.Valid::new)
              .orElse(Validation.Invalid.of("invalid.phone"));
      case WECHAT_ID -> wechatId(text);
      case EMAIL ->
          EMAIL.matcher(text).matches()
              ? new Validation.Valid(text)
              : Validation.Invalid.of("invalid.email");
      case CHOICE -> choice(field, text);
      case URL, FILE ->
          isWebLink(text)
              ? new Validation.Valid(text)
              : Validation.Invalid.of(
                  field.type() == FieldType.FILE ? "invalid.file_text" : "invalid.url");
    };
  }

  /**
   * Checks a file's name and size against the field: the extension must be one of the field's types
   * and the size within its limit.
   */
  public static Validation validateFile(Field field, String fileName, long size) {
    String name = fileName == null ? "" : fileName;
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!field.fileTypes().contains(extension)) {
      return Validation.Invalid.of(
          "invalid.file_type",
          "types",
          String.join(", ", field.fileTypes()).toUpperCase(Locale.ROOT));
    }
    if (size > field.maxFileBytes()) {
      return Validation.Invalid.of("invalid.file_too_big", "max", field.maxFileMb());
    }
    return new Validation.Valid(name);
  }

  /** Whether {@code text} is an http or https address with a host. */
  public static boolean isWebLink(String text) {
    if (text.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getHost().contains(".");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * Whether {@code typed}, empty once cleaned, had characters in it that are neither white space
   * nor control characters: a zero-width space, a direction mark, a Hangul filler. The speaker may
   * believe they sent something, so the refusal says what it was.
   */
  private static boolean invisible(String typed) {
    return typed != null
        && typed
            .codePoints()
            .anyMatch(
                cp -> !Character.isWhitespace(cp) && Character.getType(cp) != Character.CONTROL);
  }

  /**
   * The option a speaker picked: by its id (what a button sends), by its label in either language,
   * or by its number in the list the question shows. Anything else is refused (the refusal shows
   * the list).
   */
  private static Validation choice(Field field, String text) {
    String picked = text.strip();
    for (Option option : field.options()) {
      if (option.id().equalsIgnoreCase(picked)
          || option.label().in(Lang.ZH).equalsIgnoreCase(picked)
          || option.label().in(Lang.EN).equalsIgnoreCase(picked)) {
        return new Validation.Valid(option.id());
      }
    }
    if (picked.matches("\\d{1,3}")) {
      int number = Integer.parseInt(picked);
      if (number >= 1 && number <= field.options().size()) {
        return new Validation.Valid(field.options().get(number - 1).id());
      }
    }
    return Validation.Invalid.of("invalid.choice");
  }

  private static Validation wechatId(String text) {
    if (WECHAT_ID.matcher(text).matches()) {
      return new Validation.Valid(text);
    }
    // Many people let others find them on WeChat by their phone number.
    return PhoneNumbers.normalise(text)
        .<Validation>map(Validation.Valid::new)
        .orElse(Validation.Invalid.of("invalid.wechat"));
  }
}
