package dev.cfpbot.i18n;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's texts by key, in both languages, with {@code {name}} placeholders. The defaults come
 * from {@code messages.yaml} on the class path; the operator's overrides replace single keys.
 */
public final class Messages {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private final Map<String, Localized> texts;

  private Messages(Map<String, Localized> texts) {
    this.texts = Map.copyOf(texts);
  }

  /** The shipped texts: read once, as a start-up reads them twice (checking the config, then). */
  public static Messages defaults() {
    return Shipped.TEXTS;
  }

  /** Holds the shipped texts, read when first asked for. */
  private static final class Shipped {
    static final Messages TEXTS = new Messages(loadDefaults());
  }

  /**
   * The shipped texts with {@code overrides} replacing some of them.
   *
   * @throws IllegalArgumentException naming the first key that is not a known text
   */
  public Messages with(Map<String, Localized> overrides) {
    Map<String, Localized> merged = new LinkedHashMap<>(texts);
    for (Map.Entry<String, Localized> e : overrides.entrySet()) {
      if (!texts.containsKey(e.getKey())) {
        throw new IllegalArgumentException("unknown message key '" + e.getKey() + "'");
      }
      Localized base = texts.get(e.getKey());
      Localized given = e.getValue();
      merged.put(
          e.getKey(),
          new Localized(
              given.zh() == null ? base.zh() : given.zh(),
              given.en() == null ? base.en() : given.en()));
    }
    return new Messages(merged);
  }

  public Set<String> keys() {
    return texts.keySet();
  }

  /**
   * The text for {@code key} in {@code lang}, with placeholders filled from {@code args}: pairs of
   * name and value, e.g. {@code text(ZH, "receipt", "code", "GZ-07")}.
   */
  public String text(Lang lang, String key, Object... args) {
    Localized localized = texts.get(key);
    if (localized == null) {
      throw new IllegalArgumentException("no text for key '" + key + "'");
    }
    return fill(localized.in(lang), args);
  }

  /**
   * Fills {@code {name}} placeholders in {@code template} from name/value pairs, in one pass: a
   * value that itself contains a placeholder (a talk titled "{answers}") is kept as it is.
   */
  public static String fill(String template, Object... args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in name/value pairs");
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      values.putIfAbsent(String.valueOf(args[i]), String.valueOf(args[i + 1]));
    }
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder result = new StringBuilder();
    while (placeholder.find()) {
      String value = values.getOrDefault(placeholder.group(1), placeholder.group());
      placeholder.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(result);
    return result.toString();
  }

  private static Map<String, Localized> loadDefaults() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = Messages.class.getResourceAsStream("/messages.yaml")) {
      if (in == null) {
        throw new IllegalStateException("messages.yaml is missing from the class path");
      }
      return yaml.readValue(in, new TypeReference<LinkedHashMap<String, Localized>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("read messages.yaml", e);
    }
  }
}
