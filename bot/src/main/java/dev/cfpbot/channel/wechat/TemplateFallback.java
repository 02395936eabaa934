package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.Outbound;
import dev.cfpbot.i18n.Messages;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;

/**
 * The template message that stands in for a refused customer-service message. Template fields are
 * short: each is filled from the configured text, whose placeholders are {@code {title}} (the
 * message's first line), {@code {text}} (all of it), {@code {kind}} and {@code {time}}; a value is
 * shortened to {@link #MAX_VALUE} characters, never inside a character.
 */
final class TemplateFallback {
  static final int MAX_VALUE = 200;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final String templateId;
  private final Map<String, String> fields;
  private final Clock clock;
  private final ZoneId zone;

  TemplateFallback(String templateId, Map<String, String> fields, Clock clock, ZoneId zone) {
    this.templateId = templateId;
    this.fields = fields;
    this.clock = clock;
    this.zone = zone;
  }

  boolean configured() {
    return templateId != null && !fields.isEmpty();
  }

  /** Sends the template message for {@code m}; returns WeChat's message id. */
  String send(WechatApi api, Outbound m) throws WxErrorException {
    return api.template(m.recipient(), templateId, data(m), m.id());
  }

  Map<String, String> data(Outbound m) {
    String text = m.text().strip();
    int newline = text.indexOf('\n');
    String title = newline < 0 ? text : text.substring(0, newline);
    Map<String, String> data = new LinkedHashMap<>();
    fields.forEach(
        (name, template) ->
            data.put(
                name,
                shorten(
                    Messages.fill(
                        template,
                        "title",
                        title,
                        "text",
                        text,
                        "kind",
                        m.kind(),
                        "time",
                        TIME.format(clock.instant().atZone(zone))))));
    return data;
  }

  static String shorten(String value) {
    if (value.codePointCount(0, value.length()) <= MAX_VALUE) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, MAX_VALUE - 1)) + "…";
  }
}
