package dev.cfpbot.channel;

import dev.cfpbot.config.CfpConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** The channels this build has, found through {@link ServiceLoader}, and which of them run. */
public final class ChannelRegistry {
  private final List<ChannelFactory> factories;

  public ChannelRegistry(List<ChannelFactory> factories) {
    this.factories = List.copyOf(factories);
  }

  /** Every channel on the class path. */
  public static ChannelRegistry installed() {
    List<ChannelFactory> found = new ArrayList<>();
    ServiceLoader.load(ChannelFactory.class).forEach(found::add);
    return new ChannelRegistry(found);
  }

  /** The channels' names: also the configuration file's sections they read. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    factories.forEach(f -> names.add(f.name()));
    return names;
  }

  /**
   * The channels to run: those the configuration turns on and those {@code asked} for by name (on
   * the command line), or, when none is configured, the fallbacks (the console).
   */
  public List<ChannelFactory> select(CfpConfig config, Map<String, String> env, Set<String> asked) {
    List<ChannelFactory> configured = new ArrayList<>();
    for (ChannelFactory f : factories) {
      if (f.configured(config.section(f.name(), env))) {
        configured.add(f);
      }
    }
    List<ChannelFactory> selected = new ArrayList<>();
    for (ChannelFactory f : factories) {
      boolean fallback = configured.isEmpty() && f.fallback();
      if (configured.contains(f) || asked.contains(f.name()) || fallback) {
        selected.add(f);
      }
    }
    return selected;
  }

  /**
   * Rehearses every channel ({@link ChannelFactory#rehearse}); one that fails is left out.
   *
   * @return the names of those that failed
   */
  public List<String> rehearse() {
    List<String> failed = new ArrayList<>();
    for (ChannelFactory f : factories) {
      try {
        f.rehearse();
      } catch (Exception | LinkageError e) {
        failed.add(f.name());
      }
    }
    return failed;
  }

  /** Makes the {@code selected} channels, by name, in order. */
  public static Map<String, Channel> create(
      List<ChannelFactory> selected,
      CfpConfig config,
      Map<String, String> env,
      ChannelContext context) {
    Map<String, Channel> channels = new LinkedHashMap<>();
    for (ChannelFactory f : selected) {
      channels.put(f.name(), f.create(config.section(f.name(), env), context));
    }
    return channels;
  }
}
