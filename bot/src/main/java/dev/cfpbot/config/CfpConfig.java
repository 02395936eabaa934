package dev.cfpbot.config;

import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Localized;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole configuration file. */
public record CfpConfig(
    BotConfig bot,
    StorageConfig storage,
    List<EventConfig> events,
    Form form,
    Map<String, Localized> messages,
    HttpConfig http,
    TelegramConfig telegram,
    WechatConfig wechat,
    PrivacyConfig privacy,
    ReviewConfig review) {

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
}
