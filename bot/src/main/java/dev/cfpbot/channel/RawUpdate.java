package dev.cfpbot.channel;

import java.time.Instant;

/**
 * An update as the platform sent it, before the channel has made sense of it: what a channel stores
 * when it must acknowledge an update before handling it.
 *
 * @param externalId the platform's id of the update, unique per channel
 * @param chatId the chat it belongs to: updates of one chat are handled in order
 * @param sortKey the platform's order of updates (Telegram's update_id)
 * @param payload the platform's own encoding (JSON, XML), as received
 */
public record RawUpdate(
    String externalId, String chatId, long sortKey, String payload, Instant receivedAt) {}
