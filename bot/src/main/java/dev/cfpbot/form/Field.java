package dev.cfpbot.form;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cfpbot.i18n.Localized;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One question of the form.
 *
 * @param id stable identifier: answers are stored under it, so renaming it orphans old answers
 * @param label the short name used in summaries, e.g. 姓名 / Name
 * @param prompt the question as asked
 * @param example shown in help and after a wrong answer; may be null
 * @param minLength fewest characters (Unicode code points) of a text answer
 * @param maxLength most characters of a text answer; longer answers are refused, never cut
 * @param fileTypes for files: the accepted extensions, lower case without the dot
 * @param maxFileMb for files: the largest accepted size in megabytes
 * @param isPublic ({@code public} in the config) the answer may outlive the event's retention: an
 *     accepted talk keeps its public answers (name, title, abstract), everything else is purged.
 *     Phone and WeChat ID fields cannot be public.
 * @param role what the field means to the bot (the talk's title, the speaker's name); null: nothing
 *     more than its question
 * @param options for choice fields: what may be picked, in order
 */
public record Field(
    String id,
    FieldType type,
    boolean required,
    Localized label,
    Localized prompt,
    Localized example,
    Integer minLength,
    Integer maxLength,
    List<String> fileTypes,
    Integer maxFileMb,
    @JsonProperty("public") Boolean isPublic,
    FieldRole role,
    List<Option> options) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  static final List<String> SLIDE_TYPES = List.of("pdf", "ppt", "pptx", "key", "odp");

  public Field {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "field id '" + id + "' must be lower-case letters, digits or _, starting with a letter");
    }
    if (type == null) {
      throw new IllegalArgumentException("field '" + id + "' needs a type");
    }
    if (label == null || prompt == null) {
      throw new IllegalArgumentException("field '" + id + "' needs a label and a prompt");
    }
    if (type.hasOwnFormat() && (minLength != null || maxLength != null)) {
      // Their format decides their length (a WeChat ID has 6-20 characters): a limit of the
      // config's would contradict what the bot tells speakers.
      throw new IllegalArgumentException(
          "field '"
              + id
              + "': min_length and max_length do not apply to "
              + type.configName()
              + " fields, whose format sets their length");
    }
    minLength = minLength == null ? 1 : minLength;
    maxLength = maxLength == null ? type.defaultMaxLength() : maxLength;
    if (minLength < 0 || maxLength < minLength) {
      throw new IllegalArgumentException(
          "field '" + id + "': min_length and max_length must satisfy 0 <= min <= max");
    }
    fileTypes =
        fileTypes == null
            ? SLIDE_TYPES
            : fileTypes.stream().map(t -> t.toLowerCase(Locale.ROOT).replace(".", "")).toList();
    maxFileMb = maxFileMb == null ? 50 : maxFileMb;
    isPublic = isPublic != null && isPublic;
    if (maxFileMb <= 0) {
      throw new IllegalArgumentException("field '" + id + "': max_file_mb must be positive");
    }
    options = options == null ? List.of() : List.copyOf(options);
    checkOptions(id, type, options);
    if (role != null && type != FieldType.SHORT_TEXT && type != FieldType.LONG_TEXT) {
      throw new IllegalArgumentException(
          "field '"
              + id
              + "': the "
              + (role == FieldRole.TITLE ? "title" : "speaker's name")
              + " is a text field");
    }
  }

  /** Choice fields have options, each id once; other fields have none. */
  private static void checkOptions(String id, FieldType type, List<Option> options) {
    if (type != FieldType.CHOICE) {
      if (!options.isEmpty()) {
        throw new IllegalArgumentException("field '" + id + "': only a choice field has options");
      }
      return;
    }
    if (options.isEmpty()) {
      throw new IllegalArgumentException("field '" + id + "': a choice field needs options");
    }
    if (options.stream().map(Option::id).distinct().count() < options.size()) {
      throw new IllegalArgumentException("field '" + id + "': an option id is used twice");
    }
  }

  /** A field that is not public, plays no role and has no options (as before they existed). */
  public Field(
      String id,
      FieldType type,
      boolean required,
      Localized label,
      Localized prompt,
      Localized example,
      Integer minLength,
      Integer maxLength,
      List<String> fileTypes,
      Integer maxFileMb) {
    this(
        id, type, required, label, prompt, example, minLength, maxLength, fileTypes, maxFileMb,
        false, null, null);
  }

  /** Personal contact details: always purged after the retention, whatever the config says. */
  public boolean isPersonal() {
    return type == FieldType.PHONE || type == FieldType.WECHAT_ID;
  }

  public long maxFileBytes() {
    return maxFileMb * 1024L * 1024L;
  }

  /** The option {@code id} names, if this field has it. */
  public java.util.Optional<Option> option(String id) {
    return options.stream().filter(o -> o.id().equals(id)).findFirst();
  }
}
