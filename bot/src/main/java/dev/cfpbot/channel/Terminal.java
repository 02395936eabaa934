package dev.cfpbot.channel;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The terminal the bot was started from, for a channel that chats in it (the console).
 *
 * @param interactive a person is typing (prompts help), not a pipe
 * @param user the local user's name
 */
public record Terminal(InputStream in, PrintStream out, boolean interactive, String user) {}
