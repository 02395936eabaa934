package dev.cfpbot.conversation;

import dev.cfpbot.form.Field;
import dev.cfpbot.i18n.Lang;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /help: the commands, and at a question its rule as the check applies it — the type's own rule
 * where it has one (a WeChat ID's 6–20 characters, a phone number's form), never a bare length
 * limit that is not the one enforced.
 */
final class HelpFlow {
  private HelpFlow() {}

  static void help(Turn t) {
    StringBuilder text = new StringBuilder(t.t("help"));
    if (t.state.step() == Step.ASK) {
      Field field = t.form().field(t.state.fieldId()).orElseThrow();
      text.append("\n\n")
          .append(
              t.t(
                  field.required() ? "help.field_required" : "help.field_optional",
                  "label",
                  field.label().in(t.lang),
                  "rule",
                  rule(t, field)));
      if (field.example() != null) {
        text.append('\n').append(t.t("ask.example", "example", field.example().in(t.lang)));
      }
      // Help given counts as the offer of help: it is not offered again for this question.
      t.state = t.state.withFailures(Math.max(t.state.failures(), FormFlow.FAILURES_BEFORE_HELP));
    }
    t.say(text.toString());
    Engine.reprompt(t);
  }

  /** What {@code field} accepts, as the validator checks it. */
  static String rule(Turn t, Field field) {
    return switch (field.type()) {
      case PHONE -> t.t("rule.phone");
      case WECHAT_ID -> t.t("rule.wechat_id");
      case EMAIL -> t.t("rule.email", "max", field.maxLength());
      case URL -> t.t("rule.url", "max", field.maxLength());
      case FILE ->
          t.t(
              "rule.file",
              "types",
              String.join(", ", field.fileTypes()).toUpperCase(Locale.ROOT),
              "max",
              field.maxFileMb());
      // Text, and any type without a rule of its own: its length.
      default ->
          field.minLength() > 1
              ? t.t("rule.text_range", "min", field.minLength(), "max", field.maxLength())
              : t.t("rule.text", "max", field.maxLength());
    };
  }

  /** /lang: switches to the language named; without one the bot speaks, says which there are. */
  static void language(Turn t, String arg) {
    Optional<Lang> next = Lang.parse(arg);
    if (next.isEmpty()) {
      t.say(
          t.t("lang.choose"),
          List.of(new Choice("中文", "/lang zh"), new Choice("English", "/lang en")));
    } else {
      t.lang = next.get();
      t.effect(new Effect.SetLanguage(next.get().code()));
      t.say(t.t("lang.set"));
    }
    Engine.reprompt(t);
  }
}
