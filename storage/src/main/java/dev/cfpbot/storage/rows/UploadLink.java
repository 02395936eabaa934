package dev.cfpbot.storage.rows;

import java.time.Instant;

/**
 * A personal link to the upload page: one file for one field of one submission, from one chat.
 *
 * @param usedAt when a file was received on it (claimed); null while it can still take one
 */
public record UploadLink(
    String id,
    String submissionId,
    String fieldId,
    String channel,
    String chatId,
    Instant createdAt,
    Instant expiresAt,
    Instant usedAt) {}
