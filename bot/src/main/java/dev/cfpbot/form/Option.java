package dev.cfpbot.form;

import dev.cfpbot.i18n.Localized;
import java.util.regex.Pattern;

/**
 * One option of a {@link FieldType#CHOICE} field.
 *
 * @param id what is stored as the answer (stable: renaming it orphans old answers), e.g. {@code 30}
 *     or {@code beginner}
 * @param label what speakers see, e.g. {@code {zh: 30 分钟, en: 30 minutes}}
 */
public record Option(String id, Localized label) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

  public Option {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "option id '" + id + "' must be 1 to 32 letters, digits, - or _");
    }
    if (label == null) {
      throw new IllegalArgumentException("option '" + id + "' needs a label");
    }
  }
}
