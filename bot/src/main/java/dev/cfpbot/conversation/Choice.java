package dev.cfpbot.conversation;

/**
 * A suggested answer, shown as a button where the channel has buttons. Pressing it sends {@code
 * command} (with the key of the question it belongs to, see {@link ButtonKeys}), and every button
 * also works as typed text.
 */
public record Choice(String label, String command) {}
