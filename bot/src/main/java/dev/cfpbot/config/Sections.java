package dev.cfpbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The top-level sections of the configuration file that the core does not read: each belongs to a
 * plug-in (a channel), which binds it itself.
 */
public final class Sections {
  static final Sections NONE =
      new Sections(Map.of(), new ConfigErrors("config", null, YamlLines.of(""), null));

  private final Map<String, JsonNode> nodes;
  private final ConfigErrors errors;

  Sections(Map<String, JsonNode> nodes, ConfigErrors errors) {
    this.nodes = Map.copyOf(nodes);
    this.errors = errors;
  }

  /** The section {@code name} (absent from the file: every key unset), read over {@code env}. */
  public Section section(String name, Map<String, String> env) {
    return new Section(name, nodes.get(name), errors, new EnvOverFile(env));
  }

  @Override
  public String toString() {
    return "Sections" + nodes.keySet();
  }
}
