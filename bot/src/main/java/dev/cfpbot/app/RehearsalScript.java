package dev.cfpbot.app;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import dev.cfpbot.i18n.Lang;
import java.util.ArrayList;
import java.util.List;

/**
 * What each speaker of the start-up rehearsal types ({@link StartRehearsal}): a whole submission to
 * the first event, in the bot's default language, with the form's examples as answers — the path a
 * crowd of new speakers takes, message for message.
 */
final class RehearsalScript {
  private RehearsalScript() {}

  static List<String> of(CfpConfig config) {
    EventConfig event = config.events().get(0);
    Lang lang = config.bot().defaultLanguage();
    List<String> script = new ArrayList<>();
    script.add("/start " + event.id());
    for (Field field : config.formOf(event).fields()) {
      script.add(answer(field, lang));
    }
    script.add("/confirm");
    return List.copyOf(script);
  }

  /**
   * An answer {@code field} takes: its example where it has one; else one of its type. A file is
   * skipped where it may be, else given as a link, as a channel without files would.
   */
  static String answer(Field field, Lang lang) {
    if (field.type() == FieldType.FILE) {
      return field.required() ? "https://example.org/slides.pdf" : "/skip";
    }
    if (field.type() == FieldType.CHOICE) {
      return "1";
    }
    if (field.example() != null) {
      return field.example().in(lang);
    }
    return switch (field.type()) {
      case PHONE -> "13800138000";
      case WECHAT_ID -> "rehearsal_speaker";
      case EMAIL -> "speaker@example.org";
      case URL -> "https://example.org/talk";
      default -> {
        String text = "rehearsal ".repeat(field.minLength() / 10 + 1).strip();
        yield text.substring(0, Math.min(text.length(), field.maxLength()));
      }
    };
  }
}
