package dev.cfpbot.domain;

import java.time.Instant;

/**
 * A talk proposal for one event.
 *
 * @param number per-event sequence number, given when first confirmed; null for a draft
 * @param code the short id speakers and organizers use, e.g. {@code GZ-07}; null for a draft
 */
public record Submission(
    String id,
    String eventId,
    String speakerId,
    Integer number,
    String code,
    SubmissionState state,
    Instant createdAt,
    Instant updatedAt,
    Instant submittedAt,
    Instant decidedAt,
    Instant withdrawnAt) {}
