/**
 * A skeleton channel, in the test tree only: what adding a platform takes, and nothing more. The
 * package holds the factory the registry finds (listed in {@code
 * META-INF/services/dev.cfpbot.channel.ChannelFactory} beside it, under test resources), the
 * settings of its {@code echo:} section, the channel, and a fake of its platform for the tests.
 */
package dev.cfpbot.channel.echo;
