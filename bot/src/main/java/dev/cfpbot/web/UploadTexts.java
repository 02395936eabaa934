package dev.cfpbot.web;

import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.form.Field;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.function.Function;

/** The upload page's HTML: its texts ({@code upload.*}) in Chinese and English, escaped. */
final class UploadTexts {
  private final Messages messages;
  private final Templates templates;

  UploadTexts(Messages messages) {
    this.messages = messages;
    this.templates = new Templates(messages);
  }

  /** The page with the form, for a file for the target's field. */
  String form(UploadTargets.Target target) {
    Field field = target.field();
    String accept = String.join(",", field.fileTypes().stream().map(e -> "." + e).toList());
    return "<h1>"
        + text(Lang.ZH, "upload.page_title")
        + " · "
        + text(Lang.EN, "upload.page_title")
        + "</h1>"
        + both(
            "upload.intro",
            lang ->
                new Object[] {
                  "talk", talk(target, lang), "types", types(field), "max", field.maxFileMb()
                })
        + "<form method=\"post\" enctype=\"multipart/form-data\">"
        + "<input type=\"file\" name=\"file\" required accept=\""
        + Html.escape(accept)
        + "\"><button type=\"submit\">"
        + text(Lang.ZH, "upload.button")
        + " · "
        + text(Lang.EN, "upload.button")
        + "</button></form>";
  }

  /** What the bot did with the file: where it was saved, or why it was not. */
  String outcome(UploadTargets.Target target, HandleResult.FileOutcome file) {
    String key;
    if (file != null && file.saved()) {
      key =
          target.submission().code() == null
              ? "upload.saved_draft"
              : file.asEdit() ? "upload.saved_edit" : "upload.saved";
    } else if (file == null || file.refusal() == null) {
      key = "upload.refused.unknown";
    } else {
      key = "upload.refused." + file.refusal().name().toLowerCase(Locale.ROOT);
    }
    return both(key, lang -> about(target, lang));
  }

  /** Every placeholder the outcome texts use, in {@code lang}. */
  private Object[] about(UploadTargets.Target target, Lang lang) {
    String code = target.submission().code();
    return new Object[] {
      "code", code == null ? "" : code,
      "talk", talk(target, lang),
      "event", target.event().title().in(lang),
      "deadline", templates.deadline(target.event(), lang),
      "state", messages.text(lang, "state." + target.submission().state().name()),
      "max", target.quotaMb()
    };
  }

  private String talk(UploadTargets.Target target, Lang lang) {
    return templates.title(target.form(), target.answers(), lang);
  }

  /** The accepted types, as speakers read them: PDF, PPT, PPTX, KEY, ODP. */
  static String types(Field field) {
    return String.join(", ", field.fileTypes()).toUpperCase(Locale.ROOT);
  }

  void send(Context ctx, int status, String body) {
    Html.send(ctx, status, text(Lang.ZH, "upload.page_title"), body);
  }

  /** The text of {@code key} in Chinese, then in English. */
  String both(String key, Object... args) {
    return both(key, lang -> args);
  }

  /** The text of {@code key} in Chinese, then in English, each with its language's arguments. */
  String both(String key, Function<Lang, Object[]> args) {
    return Html.both(
        text(Lang.ZH, key, args.apply(Lang.ZH)), text(Lang.EN, key, args.apply(Lang.EN)));
  }

  /** A text with its placeholders' values escaped (a talk title or a file name is user input). */
  private String text(Lang lang, String key, Object... args) {
    Object[] escaped = args.clone();
    for (int i = 1; i < escaped.length; i += 2) {
      escaped[i] = Html.escape(String.valueOf(escaped[i]));
    }
    return Messages.fill(Html.escape(messages.text(lang, key)), escaped);
  }
}
