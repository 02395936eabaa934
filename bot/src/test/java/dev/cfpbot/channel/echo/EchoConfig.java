package dev.cfpbot.channel.echo;

import java.util.List;

/**
 * The {@code echo:} section of the configuration file; each key has an environment variable that
 * overrides it.
 *
 * @param platform which fake platform to talk to ({@code ECHO_PLATFORM}); unset: the channel is off
 * @param organizers the users who are organizers ({@code ECHO_ORGANIZERS})
 */
public record EchoConfig(String platform, List<String> organizers) {}
