package dev.cfpbot.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Localized;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration file: the core's keys, and the sections plug-ins (channels) read
 * themselves ({@link #section}).
 */
public record CfpConfig(
    BotConfig bot,
    StorageConfig storage,
    List<EventConfig> events,
    Form form,
    Map<String, Localized> messages,
    HttpConfig http,
    PrivacyConfig privacy,
    ReviewConfig review,
    @JsonIgnore Sections sections) {

  public CfpConfig {
    bot = bot == null ? BotConfig.defaults() : bot;
    storage = storage == null ? StorageConfig.defaults() : storage;
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException("at least one event is needed under 'events'");
    }
    events = List.copyOf(events);
    messages = messages == null ? Map.of() : Map.copyOf(messages);
    http = http == null ? HttpConfig.defaults() : http;
    privacy = privacy == null ? PrivacyConfig.defaults() : privacy;
    review = review == null ? ReviewConfig.defaults() : review;
    sections = sections == null ? Sections.NONE : sections;
  }

  /** The same configuration with the plug-ins' sections of the file it was read from. */
  CfpConfig withSections(Sections of) {
    return new CfpConfig(bot, storage, events, form, messages, http, privacy, review, of);
  }

  /** The section {@code name} of the file (a channel's), read over the environment {@code env}. */
  public Section section(String name, Map<String, String> env) {
    return sections.section(name, env);
  }

  public Optional<EventConfig> event(String id) {
    return events.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The form of an event: its own, or the default one. */
  public Form formOf(EventConfig event) {
    return event.form() != null ? event.form() : form;
  }

  public List<EventConfig> openEvents(Instant now) {
    return events.stream().filter(e -> e.isOpen(now)).toList();
  }

  /** The calls open now, then those that open later (the soonest first). */
  public List<EventConfig> openOrUpcomingEvents(Instant now) {
    List<EventConfig> events = new java.util.ArrayList<>(openEvents(now));
    events.addAll(upcomingEvents(now));
    return events;
  }

  /** The calls that open after {@code now}, the soonest first. */
  public List<EventConfig> upcomingEvents(Instant now) {
    return events.stream()
        .filter(e -> e.isUpcoming(now))
        .sorted(java.util.Comparator.comparing(e -> e.opensAt().atZone(e.timeZone())))
        .toList();
  }
}
