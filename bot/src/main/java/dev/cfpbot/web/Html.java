package dev.cfpbot.web;

import io.javalin.http.Context;

/** The small pages the bot serves to phones: one column, both languages, no scripts. */
public final class Html {
  private static final String STYLE =
      "body{font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;margin:0;"
          + "padding:24px 16px;background:#f6f7f9;color:#1f2328;line-height:1.6}"
          + "main{max-width:560px;margin:0 auto;background:#fff;border-radius:12px;padding:20px;"
          + "box-shadow:0 1px 3px rgba(0,0,0,.08)}h1{font-size:1.3em;margin:0 0 12px}"
          + "p{margin:0 0 12px}.en{color:#57606a;font-size:.92em}"
          + "input[type=file]{display:block;width:100%;margin:16px 0;font-size:1em}"
          + "button{width:100%;padding:12px;font-size:1.05em;border:0;border-radius:8px;"
          + "background:#07c160;color:#fff}";

  private Html() {}

  /** Escapes text for HTML content and attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A paragraph in Chinese followed by the same in English (both already escaped). */
  static String both(String zh, String en) {
    return "<p>" + zh + "</p><p class=\"en\" lang=\"en\">" + en + "</p>";
  }

  /**
   * The pages' policy: nothing loaded but the inline style, forms posted only back here, and never
   * shown inside another site's frame (which could dress the upload button up as something else).
   */
  static final String PAGE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  /**
   * Sends {@code body} (already escaped) as a complete page with {@code status}. The page holds a
   * personal link: it is never cached and never sent on as a referrer.
   */
  static void send(Context ctx, int status, String title, String body) {
    ctx.status(status)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", PAGE_POLICY)
        .header("X-Frame-Options", "DENY")
        .html(
            "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>"
                + title
                + "</title><style>"
                + STYLE
                + "</style></head><body><main>"
                + body
                + "</main></body></html>");
  }
}
