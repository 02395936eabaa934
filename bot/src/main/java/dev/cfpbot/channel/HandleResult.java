package dev.cfpbot.channel;

/**
 * What became of an inbound message.
 *
 * @param inlineReply the reply for the platform's response, when the message asked for one
 * @param duplicate the message had been handled before; {@code inlineReply} is the first reply
 */
public record HandleResult(String inlineReply, boolean duplicate) {}
