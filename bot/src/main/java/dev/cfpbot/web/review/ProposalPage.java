package dev.cfpbot.web.review;

import static dev.cfpbot.web.review.BoardPage.badge;
import static dev.cfpbot.web.review.ReviewHtml.esc;

import dev.cfpbot.config.ReviewConfig;
import dev.cfpbot.config.ScoreLevel;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Field;
import dev.cfpbot.organizer.review.Board;
import dev.cfpbot.storage.rows.DecisionNotice;
import dev.cfpbot.storage.rows.Review;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One proposal in full: the answers in the form's order, the slides, every organizer's score (once
 * this one has scored), the score form, the decision controls and the history.
 */
final class ProposalPage {
  private final ReviewConfig review;

  ProposalPage(ReviewConfig review) {
    this.review = review;
  }

  /**
   * @param names organizers' names by actor ("telegram:777"), for the history
   * @param flash what the last action did; null for none
   */
  String render(
      ReviewHtml h,
      String csrf,
      Board.Proposal p,
      SubmissionState told,
      Map<String, String> names,
      String flash) {
    var s = p.submission();
    ZoneId zone = p.event().timeZone();
    String code = esc(s.code());
    StringBuilder b = new StringBuilder();
    if (flash != null) {
      b.append("<section class=\"flash\" id=\"flash\">").append(flash).append("</section>");
    }
    b.append("<section><h2 id=\"title\">")
        .append(code)
        .append(" ")
        .append(esc(title(p)))
        .append("</h2><p>")
        .append(badge(h, s.state()));
    if (p.held() != null) {
      b.append(" <span class=\"held\" id=\"held\">")
          .append(
              h.t(
                  p.held().tells() ? "board.held" : "board.held_silent",
                  "time",
                  BoardPage.time(p.held().dueAt(), zone)))
          .append("</span>");
    }
    b.append("</p><dl>");
    for (Field f : p.form().fields()) {
      Answer a = p.answers().get(f.id());
      b.append("<dt>").append(esc(f.label().in(h.lang()))).append("</dt><dd>");
      if (a == null || (a.text() == null && a.file() == null)) {
        b.append("<span class=\"muted\">").append(h.t("answer.none")).append("</span>");
      } else if (a.file() != null) {
        String file = code + "/file/" + esc(f.id());
        b.append(esc(Templates.file(a.file()))).append(" · ");
        if ("application/pdf".equals(a.file().type())) {
          b.append("<a id=\"view-pdf\" href=\"")
              .append(file)
              .append("?inline=1\">")
              .append(h.t("board.view_pdf"))
              .append("</a> · ");
        }
        b.append("<a href=\"")
            .append(file)
            .append("\">")
            .append(h.t("board.download"))
            .append("</a>");
      } else {
        b.append(esc(a.text()));
      }
      b.append("</dd>");
    }
    b.append("</dl></section>");
    scores(b, h, csrf, p, zone);
    decide(b, h, csrf, p, told);
    history(b, h, p, names, zone);
    return b.toString();
  }

  private void scores(StringBuilder b, ReviewHtml h, String csrf, Board.Proposal p, ZoneId zone) {
    b.append("<section id=\"reviews\"><h2>").append(h.t("board.reviews")).append("</h2>");
    for (Review r : p.reviews()) {
      String label =
          review.level(r.score()).map(l -> l.shown() + " " + l.label().in(h.lang())).orElse("");
      b.append("<div class=\"review\"><h3>")
          .append(esc(r.reviewerName() == null ? "—" : r.reviewerName()))
          .append(" <span class=\"muted\">(")
          .append(esc(r.channel()))
          .append(") ")
          .append(BoardPage.time(r.updatedAt(), zone))
          .append("</span></h3><div class=\"score\">")
          .append(esc(label))
          .append("</div>")
          .append(
              r.comment() == null ? "" : "<div class=\"comment\">" + esc(r.comment()) + "</div>")
          .append("</div>");
    }
    if (p.othersHidden() > 0) {
      b.append("<p class=\"muted\" id=\"hidden\">")
          .append(h.t("board.others_hidden", "count", p.othersHidden()))
          .append("</p>");
    }
    if (p.reviews().isEmpty() && p.othersHidden() == 0) {
      b.append("<p class=\"muted\">").append(h.t("board.no_reviews")).append("</p>");
    }
    if (!dev.cfpbot.organizer.review.Scores.reviewable(p.submission())) {
      b.append("</section>");
      return;
    }
    b.append("<form method=\"post\" action=\"")
        .append(esc(p.submission().code()))
        .append("/score\" id=\"score-form\">")
        .append(csrfField(csrf))
        .append("<div class=\"scale\">");
    Integer mine = p.mine() == null ? null : p.mine().score();
    for (ScoreLevel level : review.scale()) {
      b.append("<label><input type=\"radio\" name=\"score\" value=\"")
          .append(level.value())
          .append(mine != null && mine == level.value() ? "\" checked> " : "\"> ")
          .append(esc(level.shown() + " " + level.label().in(h.lang())))
          .append("</label>");
    }
    b.append("</div><textarea name=\"comment\" maxlength=\"2000\" placeholder=\"")
        .append(h.t("board.comment"))
        .append("\">")
        .append(esc(p.mine() == null ? "" : p.mine().comment()))
        .append("</textarea><div class=\"actions\"><button type=\"submit\" id=\"save-score\">")
        .append(h.t("board.save_score"))
        .append("</button></div></form></section>");
  }

  private void decide(
      StringBuilder b, ReviewHtml h, String csrf, Board.Proposal p, SubmissionState told) {
    var s = p.submission();
    if (s.state() != SubmissionState.SUBMITTED && !s.state().isDecision()) {
      return;
    }
    String code = esc(s.code());
    b.append("<section id=\"decide\"><h2>").append(h.t("board.decision")).append("</h2>");
    if (p.held() != null) {
      b.append("<form method=\"post\" action=\"")
          .append(code)
          .append("/undo\">")
          .append(csrfField(csrf))
          .append("<button type=\"submit\" class=\"quiet\" id=\"undo\">")
          .append(h.t("board.undo"))
          .append("</button></form>");
    }
    b.append("<form method=\"post\" action=\"")
        .append(code)
        .append("/decide\">")
        .append(csrfField(csrf))
        .append("<textarea name=\"note\" maxlength=\"1000\" placeholder=\"")
        .append(h.t("board.note"))
        .append("\"></textarea>");
    if (told != null) {
      b.append("<p><label><input type=\"checkbox\" name=\"confirm\" value=\"yes\"> ")
          .append(h.t("board.confirm_correction", "told", h.t("state." + told.name())))
          .append("</label></p>");
    }
    b.append("<div class=\"actions\">");
    for (SubmissionState d :
        List.of(SubmissionState.ACCEPTED, SubmissionState.SHORTLISTED, SubmissionState.REJECTED)) {
      if (d != s.state()) {
        b.append("<button type=\"submit\" name=\"decision\" value=\"")
            .append(d.name())
            .append(d == SubmissionState.REJECTED ? "\" class=\"danger\"" : "\"")
            .append(" id=\"decide-")
            .append(d.name())
            .append("\">")
            .append(h.t("board.decide." + d.name()))
            .append("</button>");
      }
    }
    b.append("</div><p class=\"muted\">")
        .append(h.t("board.delay_hint"))
        .append("</p></form></section>");
  }

  private void history(
      StringBuilder b, ReviewHtml h, Board.Proposal p, Map<String, String> names, ZoneId zone) {
    b.append("<section id=\"history\"><h2>")
        .append(h.t("board.history"))
        .append("</h2><ol class=\"history\">");
    for (HistoryEntry e : p.history()) {
      b.append("<li>")
          .append(BoardPage.time(e.at(), zone))
          .append(" ")
          .append(e.from() == null ? "" : h.t("state." + e.from().name()) + " → ")
          .append(h.t("state." + e.to().name()))
          .append(" <span class=\"muted\">")
          .append(esc(names.getOrDefault(e.actor(), e.actor())))
          .append(e.note() == null ? "" : " · " + esc(e.note()))
          .append("</span></li>");
    }
    for (DecisionNotice n : p.notices()) {
      if (!n.tells()) {
        continue;
      }
      String key =
          n.closedAt() != null
              ? "board.message_cancelled"
              : n.waiting() ? "board.message_waiting" : "board.message_sent";
      b.append("<li>")
          .append(BoardPage.time(n.decidedAt(), zone))
          .append(" ✉️ ")
          .append(
              h.t(
                  key,
                  "message",
                  h.t(n.correction() ? "board.correction" : "board.decision_message"),
                  "state",
                  h.t("state." + n.state().name()),
                  "time",
                  BoardPage.time(n.closedAt() != null ? n.closedAt() : n.dueAt(), zone)))
          .append("</li>");
    }
    b.append("</ol></section>");
  }

  private static String title(Board.Proposal p) {
    return p.form().titleField().map(f -> p.answers().get(f.id())).map(Answer::text).orElse("");
  }

  static String csrfField(String csrf) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + csrf + "\">";
  }
}
