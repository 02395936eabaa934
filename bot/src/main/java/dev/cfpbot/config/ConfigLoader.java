package dev.cfpbot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the configuration file. The core's keys are bound here; every other top-level
 * section belongs to a plug-in (a channel), which binds it itself through {@link
 * CfpConfig#section}.
 */
public final class ConfigLoader {
  static final ObjectMapper YAML =
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
    return load(path, null);
  }

  /**
   * Reads the file at {@code path}, in which the top-level keys besides the core's may be the
   * {@code sections} of plug-ins (null: any).
   */
  public static CfpConfig load(Path path, Set<String> sections) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "config file " + path + " does not exist (set CFPBOT_CONFIG to the file to use)");
    } catch (IOException e) {
      throw new ConfigException("config file " + path + " cannot be read: " + e.getMessage(), e);
    }
    return parse(text, path.toString(), sections);
  }

  /**
   * Parses configuration text; {@code source} names it in messages. Any top-level key besides the
   * core's is taken for a plug-in's section.
   */
  public static CfpConfig parse(String text, String source) {
    return parse(text, source, null);
  }

  /**
   * Parses configuration text in which the top-level keys besides the core's may be the {@code
   * sections} of plug-ins (null: any); another key is a mistake.
   */
  public static CfpConfig parse(String text, String source, Set<String> sections) {
    YamlLines lines = YamlLines.of(text);
    JsonNode root;
    try {
      // The syntax first: mapping reads as it parses, and would build an event from the lines
      // before a syntax error and complain about what those lines lack.
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigErrors(source, null, lines, sections).describe(e, "");
    }
    ConfigErrors errors = new ConfigErrors(source, root, lines, sections);
    PluginSections plugins = new PluginSections(sections);
    CfpConfig config;
    try {
      config = YAML.readerFor(CfpConfig.class).withHandler(plugins).readValue(text);
    } catch (JsonProcessingException e) {
      throw errors.describe(e, "");
    }
    if (config == null) {
      throw new ConfigException(source + ": the file is empty");
    }
    check(config, errors);
    return config.withSections(new Sections(plugins.found, errors));
  }

  /** Keeps the top-level sections that plug-ins read, for them to bind; refuses other keys. */
  private static final class PluginSections extends DeserializationProblemHandler {
    private final Set<String> allowed;
    private final Map<String, JsonNode> found = new HashMap<>();

    PluginSections(Set<String> allowed) {
      this.allowed = allowed;
    }

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext context,
        JsonParser parser,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String name)
        throws IOException {
      boolean topLevel = beanOrClass == CfpConfig.class || beanOrClass instanceof CfpConfig;
      if (!topLevel || (allowed != null && !allowed.contains(name))) {
        return false;
      }
      found.put(name, parser.readValueAsTree());
      return true;
    }
  }

  private static void check(CfpConfig config, ConfigErrors errors) {
    Set<String> ids = new HashSet<>();
    Map<String, EventConfig> prefixes = new HashMap<>();
    for (int i = 0; i < config.events().size(); i++) {
      EventConfig event = config.events().get(i);
      String path = "events[" + i + "]";
      if (!ids.add(event.id())) {
        throw errors.problem(
            path + ".id", "event id '" + event.id() + "' is used twice", "a unique id per event");
      }
      EventConfig sharing = prefixes.putIfAbsent(event.codePrefix(), event);
      if (sharing != null) {
        // Codes are how organizers name proposals (/accept GZ-07): they must not be ambiguous.
        String at = errors.hasLine(path + ".code_prefix") ? path + ".code_prefix" : path;
        throw errors.problem(
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
        throw errors.problem(
            path,
            "event '" + event.id() + "' has no form and there is no default 'form'",
            "a 'form' with fields");
      }
    }
    checkPrivacy(config, errors);
    try {
      Messages.defaults().with(config.messages());
    } catch (IllegalArgumentException e) {
      String key = e.getMessage().replaceAll(".*'(.*)'.*", "$1");
      throw errors.problem(
          "messages." + key, e.getMessage(), "one of the keys in messages.yaml (see README)");
    }
  }

  /** The retention is a number of days, and contact details are never kept past it. */
  private static void checkPrivacy(CfpConfig config, ConfigErrors errors) {
    int days = config.privacy().retentionDays();
    if (days < 1 || days > PrivacyConfig.MAX_RETENTION_DAYS) {
      throw errors.problem(
          "privacy.retention_days",
          days + " is not a number of days the bot can keep data for",
          "1 to " + PrivacyConfig.MAX_RETENTION_DAYS + " (days after an event ends)");
    }
    checkPublicFields(config.form(), "form", errors);
    for (int i = 0; i < config.events().size(); i++) {
      checkPublicFields(config.events().get(i).form(), "events[" + i + "].form", errors);
    }
  }

  private static void checkPublicFields(Form form, String path, ConfigErrors errors) {
    if (form == null) {
      return;
    }
    for (int i = 0; i < form.fields().size(); i++) {
      Field field = form.fields().get(i);
      if (field.isPublic() && field.isPersonal()) {
        throw errors.problem(
            path + ".fields[" + i + "].public",
            "field '" + field.id() + "' holds contact details, which are never kept or shown",
            "no 'public' on phone and wechat_id fields");
      }
    }
  }
}
