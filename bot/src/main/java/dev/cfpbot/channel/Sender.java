package dev.cfpbot.channel;

/**
 * Who sent a message.
 *
 * @param id the platform's user id
 * @param languageCode the language of the person's app, as the platform reports it; may be null
 */
public record Sender(String id, String displayName, String languageCode) {}
