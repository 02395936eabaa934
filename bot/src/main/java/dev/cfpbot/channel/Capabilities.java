package dev.cfpbot.channel;

/**
 * What a channel can show, so that replies degrade gracefully where it cannot.
 *
 * @param buttons choices can be shown as buttons (otherwise the text already says what to type)
 * @param files documents can be received and sent
 * @param maxTextLength the longest text one message may carry, in characters
 */
public record Capabilities(boolean buttons, boolean files, int maxTextLength) {}
