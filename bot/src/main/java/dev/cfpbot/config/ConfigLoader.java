package dev.cfpbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and checks the configuration file. */
public final class ConfigLoader {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .registerModule(new JavaTimeModule())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private ConfigLoader() {}

  /**
   * Reads the file at {@code path}; every problem is a {@link ConfigException} for the operator.
   */
  public static CfpConfig load(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "config file " + path + " does not exist (set CFPBOT_CONFIG to the file to use)");
    } catch (IOException e) {
      throw new ConfigException("config file " + path + " cannot be read: " + e.getMessage(), e);
    }
    return parse(text, path.toString());
  }

  /** Parses configuration text; {@code source} names it in messages. */
  public static CfpConfig parse(String text, String source) {
    YamlLines lines = YamlLines.index(text);
    CfpConfig config;
    try {
      // The syntax first: mapping reads as it parses, and would build an event from the lines
      // before a syntax error and complain about what those lines lack.
      YAML.readTree(text);
      config = YAML.readValue(text, CfpConfig.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException(describe(e, text, source, lines), e);
    }
    if (config == null) {
      throw new ConfigException(source + ": the file is empty");
    }
    check(config, source, lines);
    return config;
  }

  private static void check(CfpConfig config, String source, YamlLines lines) {
    Set<String> ids = new HashSet<>();
    Map<String, EventConfig> prefixes = new HashMap<>();
    for (int i = 0; i < config.events().size(); i++) {
      EventConfig event = config.events().get(i);
      String path = "events[" + i + "]";
      if (!ids.add(event.id())) {
        throw problem(
            source,
            lines,
            path + ".id",
            "event id '" + event.id() + "' is used twice",
            "a unique id per event");
      }
      EventConfig sharing = prefixes.putIfAbsent(event.codePrefix(), event);
      if (sharing != null) {
        // Codes are how organizers name proposals (/accept GZ-07): they must not be ambiguous.
        String at = lines.lineOf(path + ".code_prefix") > 0 ? path + ".code_prefix" : path;
        throw problem(
            source,
            lines,
            at,
            path + ".code_prefix",
            "the submission codes of events '"
                + sharing.id()
                + "' and '"
                + event.id()
                + "' would both be "
                + event.code(1)
                + ", "
                + event.code(2)
                + "…",
            "a code_prefix of its own for each event (1-8 upper-case letters or digits)");
      }
      if (event.form() == null && config.form() == null) {
        throw problem(
            source,
            lines,
            path,
            "event '" + event.id() + "' has no form and there is no default 'form'",
            "a 'form' with fields");
      }
    }
    checkPrivacy(config, source, lines);
    try {
      Messages.defaults().with(config.messages());
    } catch (IllegalArgumentException e) {
      String key = e.getMessage().replaceAll(".*'(.*)'.*", "$1");
      throw problem(
          source,
          lines,
          "messages." + key,
          e.getMessage(),
          "one of the keys in messages.yaml (see README)");
    }
  }

  /** The retention is a number of days, and contact details are never kept past it. */
  private static void checkPrivacy(CfpConfig config, String source, YamlLines lines) {
    int days = config.privacy().retentionDays();
    if (days < 1 || days > PrivacyConfig.MAX_RETENTION_DAYS) {
      throw problem(
          source,
          lines,
          "privacy.retention_days",
          days + " is not a number of days the bot can keep data for",
          "1 to " + PrivacyConfig.MAX_RETENTION_DAYS + " (days after an event ends)");
    }
    checkPublicFields(config.form(), "form", source, lines);
    for (int i = 0; i < config.events().size(); i++) {
      checkPublicFields(config.events().get(i).form(), "events[" + i + "].form", source, lines);
    }
  }

  private static void checkPublicFields(Form form, String path, String source, YamlLines lines) {
    if (form == null) {
      return;
    }
    for (int i = 0; i < form.fields().size(); i++) {
      Field field = form.fields().get(i);
      if (field.isPublic() && field.isPersonal()) {
        throw problem(
            source,
            lines,
            path + ".fields[" + i + "].public",
            "field '" + field.id() + "' holds contact details, which are never kept or shown",
            "no 'public' on phone and wechat_id fields");
      }
    }
  }

  private static ConfigException problem(
      String source, YamlLines lines, String path, String what, String expected) {
    return problem(source, lines, path, path, what, expected);
  }

  /** A problem with the key at {@code path}, reported at the line of {@code at}. */
  private static ConfigException problem(
      String source, YamlLines lines, String at, String path, String what, String expected) {
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

  private static String describe(
      JsonProcessingException e, String text, String source, YamlLines lines) {
    String path = e instanceof JsonMappingException m ? path(m) : "";
    if (e instanceof UnrecognizedPropertyException u) {
      // The path ends with the unknown key itself: report it at its parent.
      int cut = path.lastIndexOf('.');
      String parent = cut < 0 ? "" : path.substring(0, cut);
      String known =
          u.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      return where(e, source, lines, path)
          + (parent.isEmpty() ? "" : parent + ": ")
          + "unknown key '"
          + u.getPropertyName()
          + "'; expected one of: "
          + known;
    }
    String where = where(e, source, lines, path) + (path.isEmpty() ? "" : path + ": ");
    if (e instanceof InvalidFormatException f) {
      return where + "'" + f.getValue() + "' is not valid; expected " + expected(f.getTargetType());
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      // Jackson builds a record before it looks at unknown keys: a misspelt key usually is
      // why something is missing, so name it first.
      Optional<String> typo = unknownKey(text, path, v.getType().getRawClass());
      if (typo.isPresent()) {
        return where(e, source, lines, path + "." + typo.get())
            + path
            + ": "
            + "unknown key '"
            + typo.get()
            + "'; expected one of: "
            + String.join(", ", keysOf(v.getType().getRawClass()));
      }
      return where + v.getCause().getMessage();
    }
    if (e instanceof JsonMappingException m && !(m.getCause() instanceof JsonProcessingException)) {
      return where + firstLine(m.getOriginalMessage());
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException y
          && y.getProblemMark() != null) {
        var mark = y.getProblemMark();
        return source
            + " line "
            + (mark.getLine() + 1)
            + ", column "
            + (mark.getColumn() + 1)
            + ": the file is not valid YAML: "
            + (y.getContext() == null ? "" : y.getContext() + ", ")
            + y.getProblem();
      }
    }
    return where(e, source, lines, "")
        + "the file is not valid YAML: "
        + firstLine(e.getOriginalMessage());
  }

  /** "file line N: ", the line found from the path where possible, else from the parser. */
  private static String where(
      JsonProcessingException e, String source, YamlLines lines, String path) {
    int line = path.isEmpty() ? 0 : lines.lineOf(path);
    if (line == 0 && e.getLocation() != null) {
      line = e.getLocation().getLineNr();
    }
    return source + (line > 0 ? " line " + line : "") + ": ";
  }

  /** A key of the mapping at {@code path} that {@code type} does not have, if any. */
  private static Optional<String> unknownKey(String text, String path, Class<?> type) {
    if (!type.isRecord()) {
      return Optional.empty();
    }
    try {
      JsonNode node = YAML.readTree(text);
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
      List<String> known = keysOf(type);
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      return names.stream().filter(n -> !known.contains(n)).findFirst();
    } catch (IOException | RuntimeException ignored) {
      return Optional.empty();
    }
  }

  private static List<String> keysOf(Class<?> record) {
    var snake = new PropertyNamingStrategies.SnakeCaseStrategy();
    return Arrays.stream(record.getRecordComponents())
        .map(c -> keyOf(record, c.getName(), snake))
        .sorted()
        .toList();
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
      case "FieldType" -> "one of short_text, long_text, phone, wechat_id, email, url, file";
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

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
