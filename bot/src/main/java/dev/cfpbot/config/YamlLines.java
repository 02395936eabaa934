package dev.cfpbot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of each key in a YAML document, by path ({@code events[0].deadline}), so that a problem
 * found after parsing can still point at the line to fix. The document is indexed when a line is
 * first asked for: only a mistake needs one, and reading the file a second time for a correct
 * config cost a tenth of a second of every start.
 */
final class YamlLines {
  private final String yaml;
  private Map<String, Integer> lines;

  private YamlLines(String yaml) {
    this.yaml = yaml;
  }

  static YamlLines of(String yaml) {
    return new YamlLines(yaml);
  }

  private static Map<String, Integer> index(String yaml) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      // Each open container: its path, and for arrays the index of the next element.
      Deque<String> paths = new ArrayDeque<>();
      Deque<int[]> indexes = new ArrayDeque<>();
      String field = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        String parent = paths.isEmpty() ? "" : paths.peek();
        boolean inArray = !indexes.isEmpty() && indexes.peek()[0] >= 0;
        switch (token) {
          case FIELD_NAME -> {
            field = join(parent, parser.currentName());
            lines.putIfAbsent(field, parser.currentTokenLocation().getLineNr());
          }
          case START_OBJECT, START_ARRAY -> {
            String path = inArray ? parent + "[" + indexes.peek()[0]++ + "]" : field;
            if (path != null && !path.isEmpty()) {
              lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
            }
            paths.push(path == null ? "" : path);
            indexes.push(new int[] {token == JsonToken.START_ARRAY ? 0 : -1});
          }
          case END_OBJECT, END_ARRAY -> {
            paths.pop();
            indexes.pop();
          }
          default -> {
            if (inArray) {
              lines.putIfAbsent(
                  parent + "[" + indexes.peek()[0]++ + "]",
                  parser.currentTokenLocation().getLineNr());
            }
          }
        }
      }
    } catch (IOException e) {
      // The document did not parse: the binder reports that with its own location.
    }
    return lines;
  }

  /** The line of {@code path} or of its nearest enclosing key; 0 when unknown. */
  synchronized int lineOf(String path) {
    if (lines == null) {
      lines = index(yaml);
    }
    String p = path;
    while (p != null && !p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? null : p.substring(0, cut);
    }
    return 0;
  }

  private static String join(String parent, String name) {
    return parent == null || parent.isEmpty() ? name : parent + "." + name;
  }
}
