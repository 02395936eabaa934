package dev.cfpbot.web.review;

import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.web.Html;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The board's page frame: one column on a phone, wider on a desktop, the organizer's language, the
 * style inline and one short script allowed by its hash — nothing loaded from anywhere.
 */
final class ReviewHtml {
  private static final String STYLE =
      "*{box-sizing:border-box}body{font-family:-apple-system,'PingFang SC','Microsoft YaHei',"
          + "sans-serif;margin:0;background:#f6f7f9;color:#1f2328;line-height:1.5;font-size:16px}"
          + "header{background:#24292f;color:#fff;padding:10px 14px;display:flex;gap:8px;"
          + "align-items:center;flex-wrap:wrap}header h1{font-size:1.05em;margin:0;flex:1}"
          + "header a{color:#c9d1d9}main{max-width:960px;margin:0 auto;padding:10px}"
          + "a{color:#0969da;text-decoration:none}section{background:#fff;border-radius:10px;"
          + "padding:12px 14px;margin:0 0 10px;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
          + "h2{font-size:1.05em;margin:0 0 8px}h3{font-size:1em;margin:0}"
          + "form.filters{display:flex;flex-wrap:wrap;gap:6px}form.filters>*{flex:1 1 140px}"
          + "input,select,textarea,button{font:inherit;padding:8px;border:1px solid #d0d7de;"
          + "border-radius:8px;max-width:100%}textarea{width:100%;min-height:4.5em}"
          + "button{background:#0969da;color:#fff;border:0;cursor:pointer}"
          + "button.quiet{background:#eaeef2;color:#1f2328}button.danger{background:#cf222e}"
          + "ul.list{list-style:none;margin:0;padding:0}ul.list li{border-top:1px solid #eaeef2}"
          + "ul.list li:first-child{border:0}ul.list a{display:block;padding:10px 2px;color:inherit}"
          + ".meta,.muted{color:#57606a;font-size:.9em}.code{font-weight:600;margin-right:6px}"
          + ".scores{font-size:.9em;margin-top:2px}.st{display:inline-block;padding:0 7px;"
          + "border-radius:10px;font-size:.85em;background:#eaeef2}.st-ACCEPTED{background:#dafbe1}"
          + ".st-CONFIRMED{background:#aceebb}.st-UNCONFIRMED{background:#fff1e5}"
          + ".st-REJECTED{background:#ffebe9}.st-SHORTLISTED{background:#fff8c5}"
          + ".st-WITHDRAWN{background:#f6f8fa;color:#57606a}.held{color:#9a6700}"
          + "dl{margin:0}dt{font-weight:600;margin-top:8px}dd{margin:0;white-space:pre-wrap;"
          + "overflow-wrap:anywhere}.scale{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}"
          + ".scale label{border:1px solid #d0d7de;border-radius:8px;padding:6px 10px}"
          + ".actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}.flash{background:#dafbe1}"
          + ".review{border-top:1px solid #eaeef2;padding:6px 0}ol.history{margin:0;padding-left:20px}"
          + "@media(min-width:720px){ul.list a{display:grid;grid-template-columns:1fr 220px;"
          + "gap:2px 12px}ul.list .scores{grid-column:2;grid-row:1/3;text-align:right}}";

  /** Lists refilter as soon as a choice changes: no button to find on a phone. */
  private static final String SCRIPT =
      "document.querySelectorAll('select[data-auto]').forEach(function(s){"
          + "s.addEventListener('change',function(){s.form.submit();});});";

  /**
   * The pages' policy: the inline style, the one script by its hash, forms posted back here only,
   * never framed; the slides open as their own document.
   */
  static final String POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; script-src '"
          + hash(SCRIPT)
          + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Messages messages;
  private final Lang lang;

  ReviewHtml(Messages messages, Lang lang) {
    this.messages = messages;
    this.lang = lang;
  }

  Lang lang() {
    return lang;
  }

  /** The text of {@code key}, filled and escaped for HTML. */
  String t(String key, Object... args) {
    return Html.escape(messages.text(lang, key, args));
  }

  static String esc(String text) {
    return text == null ? "" : Html.escape(text);
  }

  /** Sends a whole page. It holds a personal link: never cached, never sent on as a referrer. */
  void send(Context ctx, int status, String title, String header, String body) {
    ctx.status(status)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", POLICY)
        .header("X-Frame-Options", "DENY")
        .html(
            "<!DOCTYPE html><html lang=\""
                + (lang == Lang.ZH ? "zh" : "en")
                + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>"
                + esc(title)
                + "</title><style>"
                + STYLE
                + "</style></head><body><header>"
                + header
                + "</header><main>"
                + body
                + "</main><script>"
                + SCRIPT
                + "</script></body></html>");
  }

  /** A page that only says why: a bad link (403), a proposal that is not there (404). */
  void refuse(Context ctx, int status, String key) {
    send(
        ctx,
        status,
        String.valueOf(status),
        "<h1>cfp-bot</h1>",
        "<section>" + t(key) + "</section>");
  }

  private static String hash(String script) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
