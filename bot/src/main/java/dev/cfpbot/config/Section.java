package dev.cfpbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The part of the configuration a plug-in reads itself: its top-level section of the file (the
 * Telegram channel's {@code telegram:}) and the environment variables that override it. A mistake
 * in the section is reported like any other, with the file, the line and the key.
 */
public final class Section {
  private final String name;
  private final JsonNode node;
  private final ConfigErrors errors;
  private final EnvOverFile env;

  Section(String name, JsonNode node, ConfigErrors errors, EnvOverFile env) {
    this.name = name;
    this.node = node;
    this.errors = errors;
    this.env = env;
  }

  public String name() {
    return name;
  }

  /** Whether the file has this section. */
  public boolean inFile() {
    return node != null && !node.isNull();
  }

  /**
   * The section as {@code type} (a record whose components are its keys in snake case); every key
   * unset when the file has no such section. Unknown keys and values of the wrong kind are refused.
   */
  public <T> T bind(Class<T> type) {
    JsonNode from = inFile() ? node : JsonNodeFactory.instance.objectNode();
    try {
      return ConfigLoader.YAML.readerFor(type).readValue(ConfigLoader.YAML.treeAsTokens(from));
    } catch (JsonProcessingException e) {
      throw errors.describe(e, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The environment over the file: how every value of the section is read. */
  public EnvOverFile env() {
    return env;
  }

  /**
   * A value of the section that is not what it should be, named with the file, line and key ({@code
   * key} relative to the section, e.g. {@code organizers[1]}).
   */
  public ConfigException problem(String key, String what, String expected) {
    return errors.problem(name + (key.startsWith("[") ? "" : ".") + key, what, expected);
  }

  @Override
  public String toString() {
    return "Section[" + name + (inFile() ? ", in " + errors.source() : "") + "]";
  }
}
