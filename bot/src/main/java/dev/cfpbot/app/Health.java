package dev.cfpbot.app;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelStatus;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.web.HealthReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers {@code GET /health}: the database, each channel, the outbox backlog and the age of its
 * oldest message. Unhealthy (503) when the database cannot be reached or a channel is failing.
 */
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
    boolean channelsHealthy = true;
    for (Map.Entry<String, Channel> e : channels.entrySet()) {
      Optional<ChannelStatus> status = e.getValue().abilities().status();
      states.put(e.getKey(), status.map(ChannelStatus::status).orElse("running"));
      channelsHealthy &= status.map(ChannelStatus::healthy).orElse(true);
    }
    try {
      long backlog =
          storage
              .database()
              .inTransaction("health: outbox", tx -> storage.outbox().countUnsent(tx, null));
      Optional<Instant> oldest =
          storage
              .database()
              .inTransaction("health: outbox age", tx -> storage.outbox().oldestUnsent(tx));
      long age =
          oldest.map(o -> Math.max(0, Duration.between(o, clock.instant()).toSeconds())).orElse(0L);
      return new HealthReport(channelsHealthy, "up", states, backlog, age);
    } catch (RuntimeException e) {
      return new HealthReport(false, "down: " + e.getMessage(), states, -1, -1);
    }
  }
}
