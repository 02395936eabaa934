/**
 * The edge between the bot and a chat platform. A {@link dev.cfpbot.channel.Channel} turns platform
 * updates into {@link dev.cfpbot.channel.Inbound} messages for one handler, and sends {@link
 * dev.cfpbot.channel.Outbound} messages when the outbox asks it to. Everything a channel cannot do
 * (buttons, files) is declared in its {@link dev.cfpbot.channel.Capabilities}, never faked.
 */
package dev.cfpbot.channel;
