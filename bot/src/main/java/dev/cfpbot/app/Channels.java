package dev.cfpbot.app;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelContext;
import dev.cfpbot.channel.telegram.TelegramChannel;
import dev.cfpbot.channel.telegram.TelegramSettings;
import dev.cfpbot.channel.wechat.WechatChannel;
import dev.cfpbot.channel.wechat.WechatSettings;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The platform channels the configuration asks for: each runs when its credentials are set. */
final class Channels {
  private Channels() {}

  static Map<String, Channel> create(ChannelContext context) {
    Map<String, Channel> channels = new LinkedHashMap<>();
    TelegramSettings telegram =
        TelegramSettings.resolve(context.config().telegram(), context.env());
    if (telegram != null) {
      channels.put(
          TelegramChannel.NAME,
          TelegramChannel.connect(
              telegram,
              context.files(),
              context.uploads(),
              fileTypes(context.config()),
              maxFileBytes(context.config()),
              context.clock()));
    }
    // WeChat: WECHAT_APP_ID set.
    WechatSettings.resolve(context.config().wechat(), context.env())
        .ifPresent(
            settings -> channels.put(WechatChannel.NAME, new WechatChannel(settings, context)));
    return channels;
  }

  /** Whether {@link #create} will start any platform channel. */
  static boolean anyConfigured(CfpConfig config, Map<String, String> env) {
    return TelegramSettings.resolve(config.telegram(), env) != null
        || WechatSettings.resolve(config.wechat(), env).isPresent();
  }

  /** Every file type some form accepts. */
  static List<String> fileTypes(CfpConfig config) {
    Set<String> types = new LinkedHashSet<>();
    fileFields(config).forEach(f -> types.addAll(f.fileTypes()));
    return List.copyOf(types);
  }

  /** The largest file some form accepts. */
  static long maxFileBytes(CfpConfig config) {
    return fileFields(config).stream().mapToLong(Field::maxFileBytes).max().orElse(0);
  }

  private static List<Field> fileFields(CfpConfig config) {
    List<Field> fields = new ArrayList<>();
    for (EventConfig event : config.events()) {
      config.formOf(event).fields().stream()
          .filter(f -> f.type() == FieldType.FILE)
          .forEach(fields::add);
    }
    return fields;
  }
}
