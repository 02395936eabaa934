package dev.cfpbot.channel.console;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelContext;
import dev.cfpbot.channel.ChannelFactory;
import dev.cfpbot.channel.Terminal;
import dev.cfpbot.config.Section;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The terminal chat: it runs when no platform channel is configured, or when asked for ({@code
 * --console}); it has no settings.
 */
public final class ConsoleChannelFactory implements ChannelFactory {

  @Override
  public String name() {
    return ConsoleChannel.NAME;
  }

  @Override
  public boolean configured(Section settings) {
    return false;
  }

  @Override
  public boolean fallback() {
    return true;
  }

  @Override
  public boolean usesTerminal() {
    return true;
  }

  @Override
  public Channel create(Section settings, ChannelContext context) {
    Terminal terminal = context.terminal();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8));
    return new ConsoleChannel(
        reader, terminal.out(), terminal.interactive(), context.clock(), terminal.user());
  }
}
