package dev.cfpbot.form;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The ordered fields a speaker fills in. */
public record Form(List<Field> fields) {

  public Form {
    if (fields == null || fields.isEmpty()) {
      throw new IllegalArgumentException("the form needs at least one field");
    }
    fields = List.copyOf(fields);
    Set<String> ids = new HashSet<>();
    for (Field field : fields) {
      if (!ids.add(field.id())) {
        throw new IllegalArgumentException("field id '" + field.id() + "' is used twice");
      }
    }
    for (FieldRole role : FieldRole.values()) {
      if (fields.stream().filter(f -> f.role() == role).count() > 1) {
        throw new IllegalArgumentException(
            "only one field can have role: " + role.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  public Optional<Field> field(String id) {
    return fields.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  public Field first() {
    return fields.get(0);
  }

  /** The field before {@code id}, if there is one. */
  public Optional<Field> before(String id) {
    int index = indexOf(id);
    return index > 0 ? Optional.of(fields.get(index - 1)) : Optional.empty();
  }

  /** The fields after {@code id}, in order. */
  public List<Field> after(String id) {
    int index = indexOf(id);
    return index < 0 ? fields : fields.subList(index + 1, fields.size());
  }

  /** The field whose answer is the talk's title ({@code role: title}), if there is one. */
  public Optional<Field> titleField() {
    return fields.stream().filter(f -> f.role() == FieldRole.TITLE).findFirst();
  }

  /** The field whose answer is the speaker's name ({@code role: speaker}), if there is one. */
  public Optional<Field> speakerField() {
    return fields.stream().filter(f -> f.role() == FieldRole.SPEAKER).findFirst();
  }

  /** The ids of the fields whose answers an accepted talk keeps after the retention. */
  public List<String> publicFieldIds() {
    return fields.stream().filter(Field::isPublic).map(Field::id).toList();
  }

  private int indexOf(String id) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
