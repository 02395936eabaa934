package dev.cfpbot.web.review;

import static dev.cfpbot.web.review.ReviewHtml.esc;

import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.organizer.review.Decisions;
import java.time.Duration;
import java.util.List;

/** A decision for many proposals: the preview that counts them and asks, then what was done. */
final class BulkPage {

  String preview(
      ReviewHtml h,
      String csrf,
      SubmissionState to,
      String note,
      List<String> codes,
      Duration delay) {
    StringBuilder b = new StringBuilder("<section><h2 id=\"bulk-count\">");
    if (codes.isEmpty()) {
      return b.append(h.t("board.bulk_none")).append("</h2></section>").toString();
    }
    b.append(h.t("board.bulk_question", "count", codes.size(), "state", h.t("state." + to.name())))
        .append("</h2><p id=\"bulk-codes\">")
        .append(esc(String.join(", ", codes)))
        .append("</p>");
    if (note != null) {
      b.append("<p>").append(h.t("board.bulk_note", "note", note)).append("</p>");
    }
    b.append("<p class=\"muted\">")
        .append(h.t("board.bulk_delay", "minutes", delay.toMinutes()))
        .append("</p><form method=\"post\" action=\"bulk/confirm\">")
        .append(ProposalPage.csrfField(csrf))
        .append("<input type=\"hidden\" name=\"decision\" value=\"")
        .append(to.name())
        .append("\"><input type=\"hidden\" name=\"codes\" value=\"")
        .append(esc(String.join(",", codes)))
        .append("\"><input type=\"hidden\" name=\"note\" value=\"")
        .append(esc(note))
        .append(
            "\"><div class=\"actions\"><button type=\"submit\" class=\"danger\" id=\"bulk-confirm\">")
        .append(h.t("board.bulk_do", "count", codes.size()))
        .append("</button></div></form></section>");
    return b.toString();
  }

  String done(ReviewHtml h, SubmissionState to, List<Decisions.Outcome> outcomes) {
    List<String> recorded = codes(outcomes, Decisions.Kind.RECORDED);
    List<String> asked = codes(outcomes, Decisions.Kind.NEEDS_CONFIRMATION);
    StringBuilder b =
        new StringBuilder("<section class=\"flash\"><h2 id=\"bulk-done\">")
            .append(
                h.t(
                    "board.bulk_done",
                    "count",
                    recorded.size(),
                    "state",
                    h.t("state." + to.name())))
            .append("</h2>");
    if (!asked.isEmpty()) {
      b.append("<p>")
          .append(h.t("board.bulk_skipped", "codes", String.join(", ", asked)))
          .append("</p>");
    }
    return b.append("</section>").toString();
  }

  private static List<String> codes(List<Decisions.Outcome> outcomes, Decisions.Kind kind) {
    return outcomes.stream().filter(o -> o.kind() == kind).map(o -> o.submission().code()).toList();
  }
}
