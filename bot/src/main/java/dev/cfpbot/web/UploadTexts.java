package dev.cfpbot.web;

import dev.cfpbot.form.Field;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import io.javalin.http.Context;
import java.util.Locale;

/** The upload page's HTML: its texts ({@code upload.*}) in Chinese and English, escaped. */
final class UploadTexts {
  private final Messages messages;

  UploadTexts(Messages messages) {
    this.messages = messages;
  }

  /** The page with the form, for a file for {@code field} of the talk {@code talk}. */
  String form(Field field, String talk) {
    String accept = String.join(",", field.fileTypes().stream().map(e -> "." + e).toList());
    return "<h1>"
        + text(Lang.ZH, "upload.page_title")
        + " · "
        + text(Lang.EN, "upload.page_title")
        + "</h1>"
        + both("upload.intro", "talk", talk, "types", types(field), "max", field.maxFileMb())
        + "<form method=\"post\" enctype=\"multipart/form-data\">"
        + "<input type=\"file\" name=\"file\" required accept=\""
        + Html.escape(accept)
        + "\"><button type=\"submit\">"
        + text(Lang.ZH, "upload.button")
        + " · "
        + text(Lang.EN, "upload.button")
        + "</button></form>";
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
    return Html.both(text(Lang.ZH, key, args), text(Lang.EN, key, args));
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
