package dev.cfpbot.web;

import java.util.Map;

/**
 * What {@code GET /health} says.
 *
 * @param database "up" or what is wrong
 * @param channels each channel's state
 * @param outboxBacklog messages not sent yet
 * @param oldestUnsentSeconds age of the oldest of them; 0 when there are none
 */
public record HealthReport(
    boolean healthy,
    String database,
    Map<String, String> channels,
    long outboxBacklog,
    long oldestUnsentSeconds) {}
