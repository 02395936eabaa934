package dev.cfpbot.channel.telegram;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelContext;
import dev.cfpbot.channel.ChannelFactory;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.config.Section;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Telegram runs when its bot token is set ({@code TELEGRAM_BOT_TOKEN}). */
public final class TelegramChannelFactory implements ChannelFactory {

  @Override
  public String name() {
    return TelegramChannel.NAME;
  }

  @Override
  public boolean configured(Section settings) {
    return TelegramSettings.resolve(settings).isPresent();
  }

  @Override
  public Channel create(Section settings, ChannelContext context) {
    return TelegramChannel.connect(
        TelegramSettings.resolve(settings).orElseThrow(),
        context.files(),
        context.uploads(),
        fileTypes(context.config()),
        maxFileBytes(context.config()),
        context.updates(),
        context.clock());
  }

  @Override
  public void rehearse() throws Exception {
    Rehearsal.run();
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
