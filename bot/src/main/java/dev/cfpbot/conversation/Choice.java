package dev.cfpbot.conversation;

/**
 * A suggested answer, shown as a button where the channel has buttons. Pressing it sends {@code
 * command} as if typed, so every button also works as text and a stale button is just a command
 * arriving at the wrong time.
 */
public record Choice(String label, String command) {}
