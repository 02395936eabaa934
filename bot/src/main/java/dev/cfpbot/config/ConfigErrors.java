package dev.cfpbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mistakes in one configuration file, told to the operator with the file, the line, the key and
 * what was expected: {@code cfp.yaml line 42: events[0].deadline: '30/10/2027' is not valid;
 * expected a date and time like 2027-10-30T23:59}. Serves the core's keys and the sections that
 * channels read themselves alike.
 */
final class ConfigErrors {
  private final String source;
  private final JsonNode root;
  private final YamlLines lines;
  private final Set<String> sections;

  /**
   * @param root the document as a tree; null when it did not parse
   * @param sections the top-level keys that plug-ins (channels) read; null: any key not the core's
   */
  ConfigErrors(String source, JsonNode root, YamlLines lines, Set<String> sections) {
    this.source = source;
    this.root = root;
    this.lines = lines;
    this.sections = sections;
  }

  String source() {
    return source;
  }

  JsonNode root() {
    return root;
  }

  /** A problem with the key at {@code path}. */
  ConfigException problem(String path, String what, String expected) {
    return problem(path, path, what, expected);
  }

  /** A problem with the key at {@code path}, reported at the line of {@code at}. */
  ConfigException problem(String at, String path, String what, String expected) {
    int line = lines.lineOf(at);
    return new ConfigException(
        source
            + (line > 0 ? " line " + line : "")
            + ": "
            + path
            + ": "
            + what
            + "; expected "
            + expected);
  }

  /** Whether there is a line for {@code path} itself or an enclosing key. */
  boolean hasLine(String path) {
    return lines.lineOf(path) > 0;
  }

  /**
   * What went wrong while binding the part of the document at {@code prefix} (empty: all of it) to
   * its type, in the operator's terms.
   */
  ConfigException describe(JsonProcessingException e, String prefix) {
    String path = e instanceof JsonMappingException m ? join(prefix, path(m)) : prefix;
    if (e instanceof UnrecognizedPropertyException u) {
      // The path ends with the unknown key itself: report it at its parent.
      int cut = path.lastIndexOf('.');
      String parent = cut < 0 ? "" : path.substring(0, cut);
      Set<String> known = new TreeSet<>();
      u.getKnownPropertyIds().forEach(id -> known.add(id.toString()));
      if (parent.isEmpty() && sections != null) {
        known.addAll(sections);
      }
      return new ConfigException(
          where(e, path)
              + (parent.isEmpty() ? "" : parent + ": ")
              + "unknown key '"
              + u.getPropertyName()
              + "'; expected one of: "
              + String.join(", ", known),
          e);
    }
    String where = where(e, path) + (path.isEmpty() ? "" : path + ": ");
    if (e instanceof InvalidFormatException f) {
      return new ConfigException(
          where + "'" + f.getValue() + "' is not valid; expected " + expected(f.getTargetType()),
          e);
    }
    if (e instanceof MismatchedInputException m
        && m.getOriginalMessage().startsWith("Cannot map `null`")) {
      return new ConfigException(where + "missing; expected " + expected(m.getTargetType()), e);
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      // Jackson builds a record before it looks at unknown keys: a misspelt key usually is
      // why something is missing, so name it first.
      Class<?> type = v.getType().getRawClass();
      Optional<String> typo = unknownKey(path, type);
      if (typo.isPresent()) {
        return new ConfigException(
            where(e, join(path, typo.get()))
                + path
                + ": "
                + "unknown key '"
                + typo.get()
                + "'; expected one of: "
                + String.join(", ", keysOf(type, path.isEmpty())),
            e);
      }
      return new ConfigException(where + v.getCause().getMessage(), e);
    }
    if (e instanceof JsonMappingException m && !(m.getCause() instanceof JsonProcessingException)) {
      return new ConfigException(where + firstLine(m.getOriginalMessage()), e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException y
          && y.getProblemMark() != null) {
        var mark = y.getProblemMark();
        return new ConfigException(
            source
                + " line "
                + (mark.getLine() + 1)
                + ", column "
                + (mark.getColumn() + 1)
                + ": the file is not valid YAML: "
                + (y.getContext() == null ? "" : y.getContext() + ", ")
                + y.getProblem(),
            e);
      }
    }
    return new ConfigException(
        where(e, "") + "the file is not valid YAML: " + firstLine(e.getOriginalMessage()), e);
  }

  /** "file line N: ", the line found from the path where possible, else from the parser. */
  private String where(JsonProcessingException e, String path) {
    int line = path.isEmpty() ? 0 : lines.lineOf(path);
    if (line == 0 && e.getLocation() != null) {
      line = e.getLocation().getLineNr();
    }
    return source + (line > 0 ? " line " + line : "") + ": ";
  }

  /** A key of the mapping at {@code path} that {@code type} does not have, if any. */
  private Optional<String> unknownKey(String path, Class<?> type) {
    if (!type.isRecord() || root == null) {
      return Optional.empty();
    }
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      if (node == null || part.isEmpty()) {
        break;
      }
      int bracket = part.indexOf('[');
      node = node.get(bracket < 0 ? part : part.substring(0, bracket));
      if (bracket >= 0 && node != null) {
        node = node.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
      }
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    List<String> known = keysOf(type, path.isEmpty());
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names.stream()
        .filter(n -> !known.contains(n))
        .filter(n -> !path.isEmpty() || sections != null)
        .findFirst();
  }

  /** The keys of {@code record}; at the top level, with the sections plug-ins read. */
  private List<String> keysOf(Class<?> record, boolean topLevel) {
    var snake = new PropertyNamingStrategies.SnakeCaseStrategy();
    Set<String> keys = new TreeSet<>();
    Arrays.stream(record.getRecordComponents())
        .filter(c -> c.getAnnotation(com.fasterxml.jackson.annotation.JsonIgnore.class) == null)
        .map(c -> keyOf(record, c.getName(), snake))
        .forEach(keys::add);
    if (topLevel && sections != null) {
      keys.addAll(sections);
    }
    return List.copyOf(keys);
  }

  /**
   * A component's key: its {@code @JsonProperty} name ({@code public}), or its name in snake case.
   */
  private static String keyOf(
      Class<?> record, String component, PropertyNamingStrategies.SnakeCaseStrategy snake) {
    try {
      JsonProperty named = record.getDeclaredField(component).getAnnotation(JsonProperty.class);
      return named != null && !named.value().isEmpty() ? named.value() : snake.translate(component);
    } catch (NoSuchFieldException e) {
      return snake.translate(component);
    }
  }

  private static String expected(Class<?> type) {
    return switch (type.getSimpleName()) {
      case "LocalDateTime" -> "a date and time like 2027-10-30T23:59";
      case "LocalTime" -> "a time of day like \"09:00\"";
      case "ZoneId" -> "a time zone like Asia/Shanghai";
      case "Integer", "int", "Long", "long" -> "a whole number";
      case "Boolean", "boolean" -> "true or false";
      case "Lang" -> "zh or en";
      case "FieldType" ->
          "one of short_text, long_text, phone, wechat_id, email, url, file, choice";
      case "FieldRole" -> "title";
      default -> "a " + type.getSimpleName();
    };
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
