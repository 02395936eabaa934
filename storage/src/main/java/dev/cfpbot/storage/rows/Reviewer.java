package dev.cfpbot.storage.rows;

import java.time.Instant;

/**
 * An organizer who reviews, as one platform identity: the channel and the platform's id, which the
 * platform vouches for when the organizer writes.
 *
 * @param name what the platform calls them, shown beside their scores; may be null
 * @param language "zh" or "en": the language of their review board
 * @param epoch part of every review link issued to them; raised to end every link issued before
 */
public record Reviewer(
    String id,
    String channel,
    String externalId,
    String name,
    String language,
    int epoch,
    Instant createdAt) {

  @Override
  public String toString() {
    // The external id identifies a person on a platform: keep it out of logs.
    return "Reviewer[" + id + ", " + channel + "]";
  }
}
