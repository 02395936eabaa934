package dev.cfpbot.storage.rows;

import java.time.Instant;

/**
 * Where a speaker is in the dialogue, as stored. The meaning of {@code step} belongs to the
 * conversation engine; storage keeps it as text.
 *
 * @param fieldId the form field being asked, by its stable id
 * @param submissionId the proposal the dialogue is working on
 * @param failures consecutive invalid answers to the current field
 * @param returnToReview after this field, go back to the summary instead of the next field
 * @param version optimistic lock: incremented on every save
 */
public record Conversation(
    String speakerId,
    String step,
    String eventId,
    String fieldId,
    String submissionId,
    int failures,
    boolean returnToReview,
    long version,
    Instant updatedAt) {}
