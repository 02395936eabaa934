package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelContext;
import dev.cfpbot.channel.ChannelFactory;
import dev.cfpbot.config.Section;

/** The WeChat Official Account runs when its app id is set ({@code WECHAT_APP_ID}). */
public final class WechatChannelFactory implements ChannelFactory {

  @Override
  public String name() {
    return WechatChannel.NAME;
  }

  @Override
  public boolean configured(Section settings) {
    return WechatSettings.resolve(settings).isPresent();
  }

  @Override
  public Channel create(Section settings, ChannelContext context) {
    return new WechatChannel(WechatSettings.resolve(settings).orElseThrow(), context);
  }
}
