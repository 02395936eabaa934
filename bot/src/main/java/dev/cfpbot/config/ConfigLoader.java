package dev.cfpbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cfpbot.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
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
      config = YAML.readValue(text, CfpConfig.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException(describe(e, source), e);
    }
    if (config == null) {
      throw new ConfigException(source + ": the file is empty");
    }
    check(config, source, lines);
    return config;
  }

  private static void check(CfpConfig config, String source, YamlLines lines) {
    Set<String> ids = new HashSet<>();
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
      if (event.form() == null && config.form() == null) {
        throw problem(
            source,
            lines,
            path,
            "event '" + event.id() + "' has no form and there is no default 'form'",
            "a 'form' with fields");
      }
    }
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

  private static ConfigException problem(
      String source, YamlLines lines, String path, String what, String expected) {
    int line = lines.lineOf(path);
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

  private static String describe(JsonProcessingException e, String source) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    String where = source + (line > 0 ? " line " + line : "");
    String path = e instanceof JsonMappingException m ? path(m) : "";
    String key = path.isEmpty() ? "" : path + ": ";
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      return where
          + ": "
          + key
          + "unknown key '"
          + u.getPropertyName()
          + "'; expected one of: "
          + known;
    }
    if (e instanceof InvalidFormatException f) {
      return where
          + ": "
          + key
          + "'"
          + f.getValue()
          + "' is not valid; expected "
          + expected(f.getTargetType());
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return where + ": " + key + v.getCause().getMessage();
    }
    if (e instanceof JsonMappingException m) {
      return where + ": " + key + firstLine(m.getOriginalMessage());
    }
    return where + ": the file is not valid YAML: " + firstLine(e.getOriginalMessage());
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
