package dev.cfpbot.storage.rows;

import java.time.Instant;

/**
 * One organizer's score of one proposal, with an optional comment.
 *
 * @param reviewerName the organizer's name as shown on the board; may be null
 * @param channel the organizer's channel
 */
public record Review(
    String submissionId,
    String reviewerId,
    String reviewerName,
    String channel,
    int score,
    String comment,
    Instant createdAt,
    Instant updatedAt) {}
