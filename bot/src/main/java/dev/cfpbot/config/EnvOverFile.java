package dev.cfpbot.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule for deployment settings: an environment variable overrides the config file's key,
 * which overrides the default. A blank value counts as unset; values are stripped. Every setting of
 * the core (storage, HTTP) and of every channel is read through this.
 */
public final class EnvOverFile {
  private final Map<String, String> env;

  public EnvOverFile(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The environment's {@code variable}, else {@code file} (the file's value, or null). */
  public String value(String variable, Object file) {
    return value(variable, file, null);
  }

  /** The environment's {@code variable}, else {@code file}, else {@code fallback}. */
  public String value(String variable, Object file, String fallback) {
    String set = present(env.get(variable));
    if (set != null) {
      return set;
    }
    String inFile = present(file == null ? null : file.toString());
    return inFile != null ? inFile : fallback;
  }

  /**
   * A list: the environment's {@code variable} split at commas and white space, else the file's
   * list; blank items left out, each stripped.
   */
  public List<String> list(String variable, List<String> file) {
    String set = present(env.get(variable));
    List<String> items =
        set != null ? Arrays.asList(set.split("[,\\s]+")) : file == null ? List.of() : file;
    return items.stream().map(EnvOverFile::present).filter(s -> s != null).toList();
  }

  /**
   * A switch: on, true, yes, 1 or off, false, no, 0 (any case), from the environment, else the
   * file, else {@code fallback}.
   */
  public boolean flag(String variable, Object file, boolean fallback) {
    String value = value(variable, file);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw new ConfigException(variable + ": '" + value + "' is not on or off");
    };
  }

  /** Whether {@code variable} is set (not blank) in the environment. */
  public boolean isSet(String variable) {
    return present(env.get(variable)) != null;
  }

  private static String present(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    // The environment holds secrets: never print its values.
    return "EnvOverFile[" + env.size() + " variables]";
  }
}
