package dev.cfpbot.channel.echo;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelContext;
import dev.cfpbot.channel.ChannelFactory;
import dev.cfpbot.config.Section;

/**
 * The echo channel runs when its platform is set ({@code ECHO_PLATFORM}, or {@code echo.platform}).
 */
public final class EchoChannelFactory implements ChannelFactory {

  @Override
  public String name() {
    return EchoChannel.NAME;
  }

  @Override
  public boolean configured(Section settings) {
    return EchoSettings.resolve(settings).isPresent();
  }

  @Override
  public Channel create(Section settings, ChannelContext context) {
    EchoSettings echo = EchoSettings.resolve(settings).orElseThrow();
    return new EchoChannel(FakeEchoPlatform.named(echo.platform()), echo, context.clock());
  }
}
