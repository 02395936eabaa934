package dev.cfpbot.app;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.web.HealthReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Answers {@code GET /health}: the database, each channel, the outbox backlog and its age. */
final class Health {
  private final Storage storage;
  private final Map<String, Channel> channels;
  private final Clock clock;

  Health(Storage storage, Map<String, Channel> channels, Clock clock) {
    this.storage = storage;
    this.channels = channels;
    this.clock = clock;
  }

  HealthReport report() {
    Map<String, String> states = new LinkedHashMap<>();
    channels.keySet().forEach(name -> states.put(name, "running"));
    try {
      long backlog;
      Optional<Instant> oldest;
      backlog =
          storage
              .database()
              .inTransaction("health: outbox", tx -> storage.outbox().countUnsent(tx, null));
      oldest =
          storage
              .database()
              .inTransaction("health: outbox age", tx -> storage.outbox().oldestUnsent(tx));
      long age =
          oldest.map(o -> Math.max(0, Duration.between(o, clock.instant()).toSeconds())).orElse(0L);
      return new HealthReport(true, "up", states, backlog, age);
    } catch (RuntimeException e) {
      return new HealthReport(false, "down: " + e.getMessage(), states, -1, -1);
    }
  }
}
