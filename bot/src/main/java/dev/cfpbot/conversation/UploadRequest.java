package dev.cfpbot.conversation;

/**
 * The reply asks for a file: channels that cannot receive one in chat (or not this one) add a link
 * to the upload page for it.
 *
 * @param always the chat cannot take this file (too large for the platform): show the link even
 *     where files can be sent in chat
 */
public record UploadRequest(String submissionId, String fieldId, boolean always) {}
