package dev.cfpbot.storage.rows;

import java.time.Instant;

/**
 * A message waiting to be sent (or sent). The payload is the channel-neutral message as JSON;
 * {@code seq} keeps the messages of one recipient in order.
 *
 * @param kind what the message is for ("reply", "alert", "digest", ...): for counting, not routing
 */
public record OutboxMessage(
    long seq,
    String id,
    String channel,
    String recipient,
    String kind,
    String payload,
    OutboxState state,
    int attempts,
    Instant dueAt,
    Instant createdAt) {}
