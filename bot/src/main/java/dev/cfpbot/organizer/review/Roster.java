package dev.cfpbot.organizer.review;

import dev.cfpbot.channel.Routes;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who the organizers are, across channels: each channel's configured organizer ids. A channel whose
 * every user is an organizer (the console) adds nobody to count, but lets anyone in.
 */
public final class Roster {
  private final Map<String, Routes> routes;

  public Roster(Map<String, Routes> routes) {
    this.routes = Map.copyOf(routes);
  }

  /** Whether {@code id} on {@code channel} is an organizer now (the configuration can change). */
  public boolean isOrganizer(String channel, String id) {
    Routes r = routes.get(channel);
    return r != null && r.isOrganizer(id);
  }

  /** The configured organizers, as "channel:id". */
  public Set<String> identities() {
    Set<String> all = new TreeSet<>();
    routes.forEach((channel, r) -> r.organizerIds().forEach(id -> all.add(channel + ":" + id)));
    return all;
  }
}
