package dev.cfpbot.storage.rows;

import java.time.Instant;

/** One publication of an event's agenda: the first is version 1. */
public record Publication(String eventId, int version, Instant publishedAt, String actor) {}
