package dev.cfpbot.web.review;

import static dev.cfpbot.web.review.ReviewHtml.esc;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.organizer.review.Board;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The list of an event's proposals, with filters, sorting and decisions in bulk. */
final class BoardPage {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  static final List<String> STATES =
      List.of(
          "",
          "UNDECIDED",
          "SHORTLISTED",
          "ACCEPTED",
          "CONFIRMED",
          "REJECTED",
          "WITHDRAWN",
          "DECLINED");

  private final CfpConfig config;

  BoardPage(CfpConfig config) {
    this.config = config;
  }

  /**
   * @param token the link's token: every address here is relative to {@code /review/}
   * @param total the event's proposals before filtering
   */
  String render(
      ReviewHtml h,
      String token,
      String csrf,
      EventConfig event,
      Board.Filter filter,
      List<Board.Row> rows,
      int total) {
    ZoneId zone = event.timeZone();
    StringBuilder b = new StringBuilder();
    b.append("<section><form class=\"filters\" method=\"get\" action=\"")
        .append(token)
        .append("\">");
    if (config.events().size() > 1) {
      b.append("<select name=\"event\" data-auto aria-label=\"event\">");
      for (EventConfig e : config.events()) {
        option(b, e.id(), e.title().in(h.lang()), e.id().equals(event.id()));
      }
      b.append("</select>");
    }
    b.append("<select name=\"state\" data-auto aria-label=\"")
        .append(h.t("board.filter_state"))
        .append("\">");
    for (String state : STATES) {
      option(
          b,
          state,
          h.t(state.isEmpty() ? "board.all" : stateKey(state)),
          state.equals(filter.state()));
    }
    b.append("</select><input type=\"search\" name=\"q\" value=\"")
        .append(esc(filter.query()))
        .append("\" placeholder=\"")
        .append(h.t("board.search"))
        .append("\"><select name=\"sort\" data-auto aria-label=\"")
        .append(h.t("board.sort"))
        .append("\">");
    for (Board.Sort sort : Board.Sort.values()) {
      option(b, sort.name(), h.t("board.sort." + sort.name()), sort == filter.sort());
    }
    b.append("</select><button type=\"submit\">")
        .append(h.t("board.apply"))
        .append("</button></form></section><section><p class=\"muted\" id=\"count\">")
        .append(h.t("board.count", "shown", rows.size(), "total", total))
        .append("</p><ul class=\"list\">");
    for (Board.Row row : rows) {
      row(b, h, token, row, zone);
    }
    b.append("</ul></section>");
    if (!rows.isEmpty()) {
      bulk(b, h, token, csrf, event, filter, rows.size());
    }
    return b.toString();
  }

  private void row(StringBuilder b, ReviewHtml h, String token, Board.Row row, ZoneId zone) {
    var s = row.submission();
    b.append("<li><a href=\"")
        .append(token)
        .append("/p/")
        .append(esc(s.code()))
        .append("\"><div><span class=\"code\">")
        .append(esc(s.code()))
        .append("</span>")
        .append(esc(row.title()))
        .append("</div><div class=\"meta\">")
        .append(row.speaker().isEmpty() ? "" : esc(row.speaker()) + " · ")
        .append(badge(h, s.state()))
        .append(" · ")
        .append(WHEN.format(s.submittedAt().atZone(zone)));
    if (row.held() != null) {
      b.append(" · <span class=\"held\">")
          .append(h.t("board.held_short", "time", CLOCK.format(row.held().dueAt().atZone(zone))))
          .append("</span>");
    }
    b.append("</div><div class=\"scores\">")
        .append(h.t("board.mine", "score", row.mine() == null ? "—" : signed(row.mine())))
        .append(" · ")
        .append(
            row.reviews() == 0
                ? h.t("board.no_reviews")
                : row.average() == null
                    ? h.t("board.hidden_average", "count", row.reviews())
                    : h.t(
                        "board.average",
                        "average",
                        Board.average(row.average()),
                        "count",
                        row.reviews()))
        .append("</div></a></li>");
  }

  /** One decision for every proposal the filter shows: counted, previewed, then confirmed. */
  private void bulk(
      StringBuilder b,
      ReviewHtml h,
      String token,
      String csrf,
      EventConfig event,
      Board.Filter filter,
      int count) {
    b.append("<section><h2>")
        .append(h.t("board.bulk_title", "count", count))
        .append("</h2><form method=\"post\" action=\"")
        .append(token)
        .append("/bulk?event=")
        .append(esc(event.id()))
        .append("&amp;state=")
        .append(esc(filter.state()))
        .append("&amp;q=")
        .append(
            esc(
                java.net.URLEncoder.encode(
                    filter.query(), java.nio.charset.StandardCharsets.UTF_8)))
        .append("\"><input type=\"hidden\" name=\"csrf\" value=\"")
        .append(csrf)
        .append("\"><div class=\"actions\"><select name=\"decision\" aria-label=\"decision\">");
    for (SubmissionState d :
        List.of(SubmissionState.REJECTED, SubmissionState.SHORTLISTED, SubmissionState.ACCEPTED)) {
      option(b, d.name(), h.t("state." + d.name()), false);
    }
    b.append("</select><input name=\"note\" maxlength=\"1000\" placeholder=\"")
        .append(h.t("board.note"))
        .append("\"><button type=\"submit\" class=\"quiet\">")
        .append(h.t("board.bulk_preview", "count", count))
        .append("</button></div></form></section>");
  }

  static String badge(ReviewHtml h, SubmissionState state) {
    String badge =
        "<span class=\"st st-" + state.name() + "\">" + h.t("state." + state.name()) + "</span>";
    // Accepted but not yet confirmed by the speaker: organizers may have to chase them.
    return state == SubmissionState.ACCEPTED
        ? badge + " <span class=\"st st-UNCONFIRMED\">" + h.t("board.unconfirmed") + "</span>"
        : badge;
  }

  static String signed(int value) {
    return value > 0 ? "+" + value : value < 0 ? "−" + -value : "0";
  }

  static String stateKey(String state) {
    return state.equals("UNDECIDED") ? "board.undecided" : "state." + state;
  }

  static void option(StringBuilder b, String value, String label, boolean selected) {
    b.append("<option value=\"")
        .append(esc(value))
        .append(selected ? "\" selected>" : "\">")
        .append(label)
        .append("</option>");
  }

  static String time(Instant at, ZoneId zone) {
    return WHEN.format(at.atZone(zone));
  }
}
