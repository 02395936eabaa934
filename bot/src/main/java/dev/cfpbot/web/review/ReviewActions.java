package dev.cfpbot.web.review;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.organizer.review.Board;
import dev.cfpbot.organizer.review.Decisions;
import dev.cfpbot.organizer.review.ReviewDesk;
import dev.cfpbot.storage.ConcurrentUpdateException;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The board's forms: score, decide, undo, and decide in bulk (previewed with its count, then
 * confirmed). Each runs in one transaction through the same code as the chat commands, then
 * redirects back to the page it came from (so that reloading sends nothing twice).
 */
final class ReviewActions {
  /** A bulk decision names its proposals by code, at most this many. */
  static final int MAX_BULK = 1000;

  private final CfpConfig config;
  private final Storage storage;
  private final ReviewDesk desk;
  private final ReviewAccess access;
  private final BulkPage bulkPage;
  private final Clock clock;
  private final Runnable afterCommit;

  ReviewActions(
      CfpConfig config,
      Storage storage,
      ReviewDesk desk,
      ReviewAccess access,
      BoardPage boardPage,
      Clock clock,
      Runnable afterCommit) {
    this.config = config;
    this.storage = storage;
    this.desk = desk;
    this.access = access;
    this.bulkPage = new BulkPage();
    this.clock = clock;
    this.afterCommit = afterCommit;
  }

  void register(RoutesConfig routes) {
    routes.post("/review/{token}/p/{code}/score", this::score);
    routes.post("/review/{token}/p/{code}/decide", this::decide);
    routes.post("/review/{token}/p/{code}/undo", this::undo);
    routes.post("/review/{token}/bulk", this::preview);
    routes.post("/review/{token}/bulk/confirm", this::confirm);
  }

  private void score(Context ctx) {
    onProposal(
        ctx,
        (tx, v, s) ->
            desk.scores()
                .score(
                    tx,
                    s,
                    v.reviewer(),
                    String.valueOf(ctx.formParam("score")),
                    ctx.formParam("comment"),
                    clock.instant())
                .kind()
                .name());
  }

  private void decide(Context ctx) {
    SubmissionState to = decision(ctx.formParam("decision")).orElse(null);
    onProposal(
        ctx,
        (tx, v, s) ->
            to == null
                ? "NOT_ALLOWED"
                : desk.decisions()
                    .decide(
                        tx,
                        s,
                        to,
                        v.actor(),
                        blankToNull(ctx.formParam("note")),
                        "yes".equals(ctx.formParam("confirm")),
                        clock.instant())
                    .kind()
                    .name());
  }

  private void undo(Context ctx) {
    onProposal(
        ctx, (tx, v, s) -> desk.decisions().undo(tx, s, v.actor(), clock.instant()).kind().name());
  }

  /** What a bulk decision would do: how many, which, then a button to confirm. */
  private void preview(Context ctx) {
    Optional<Bulk> bulk = bulk(ctx);
    if (bulk.isEmpty()) {
      return;
    }
    ReviewAccess.Viewer v = bulk.get().viewer();
    Optional<SubmissionState> to = Optional.of(bulk.get().to());
    EventConfig event = desk.board().event(ctx.queryParam("event"), clock.instant());
    List<String> codes =
        storage
            .database()
            .inTransaction(
                "preview bulk decision",
                tx ->
                    desk
                        .board()
                        .list(tx, event, v.reviewer(), ReviewRoutes.filter(ctx), clock.instant())
                        .stream()
                        .map(Board.Row::submission)
                        .filter(s -> desk.decisions().decidable(s) && s.state() != to.get())
                        .map(Submission::code)
                        .toList());
    ReviewHtml h = v.html();
    String note = blankToNull(ctx.formParam("note"));
    h.send(
        ctx,
        200,
        h.t("board.bulk_confirm_title"),
        "<a href=\"../" + v.token() + "\" id=\"back\">" + h.t("board.back") + "</a>",
        bulkPage.preview(h, v.csrf(), to.get(), note, codes, config.bot().decisionWait()));
  }

  /** Decides every proposal the confirmed preview named, in one transaction. */
  private void confirm(Context ctx) {
    Optional<Bulk> bulk = bulk(ctx);
    if (bulk.isEmpty()) {
      return;
    }
    ReviewAccess.Viewer v = bulk.get().viewer();
    Optional<SubmissionState> to = Optional.of(bulk.get().to());
    String[] codes = String.valueOf(ctx.formParam("codes")).split(",", MAX_BULK + 1);
    List<Decisions.Outcome> outcomes =
        retrying(
            tx -> {
              List<Submission> all = new ArrayList<>();
              for (int i = 0; i < Math.min(codes.length, MAX_BULK); i++) {
                storage.submissions().findByCode(tx, codes[i].strip()).ifPresent(all::add);
              }
              return desk.decisions()
                  .decideAll(
                      tx,
                      all,
                      to.get(),
                      v.actor(),
                      blankToNull(ctx.formParam("note")),
                      clock.instant());
            });
    ReviewHtml h = v.html();
    h.send(
        ctx,
        200,
        h.t("board.bulk_done_title"),
        "<a href=\"../../" + v.token() + "\" id=\"back\">" + h.t("board.back") + "</a>",
        bulkPage.done(h, to.get(), outcomes));
  }

  /** A bulk form's organizer and decision. */
  private record Bulk(ReviewAccess.Viewer viewer, SubmissionState to) {}

  /** The bulk form's viewer and decision, or empty with a 403 or 400 page already sent. */
  private Optional<Bulk> bulk(Context ctx) {
    Optional<ReviewAccess.Viewer> viewer = access.poster(ctx);
    if (viewer.isEmpty()) {
      return Optional.empty();
    }
    Optional<SubmissionState> to = decision(ctx.formParam("decision"));
    if (to.isEmpty()) {
      viewer.get().html().refuse(ctx, 400, "board.bad_request");
      return Optional.empty();
    }
    return Optional.of(new Bulk(viewer.get(), to.get()));
  }

  /** One proposal's form: checks the viewer and the CSRF token, runs it, redirects back. */
  private void onProposal(Context ctx, Action action) {
    Optional<ReviewAccess.Viewer> viewer = access.poster(ctx);
    if (viewer.isEmpty()) {
      return;
    }
    String code = ctx.pathParam("code");
    Optional<String> done =
        retrying(
            tx ->
                storage
                    .submissions()
                    .findByCode(tx, code)
                    .filter(s -> s.number() != null && config.event(s.eventId()).isPresent())
                    .map(s -> action.run(tx, viewer.get(), s)));
    if (done.isEmpty()) {
      viewer.get().html().refuse(ctx, 404, "board.not_found");
      return;
    }
    String encoded = java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
    ctx.redirect(
        "../" + encoded + "?done=" + done.get().toLowerCase(Locale.ROOT),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Runs {@code work} in a transaction, again when another organizer changed the proposal. */
  private <T> T retrying(Function<Tx, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        T result = storage.database().inTransaction("review board action", work);
        afterCommit.run();
        return result;
      } catch (ConcurrentUpdateException e) {
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  private static Optional<SubmissionState> decision(String given) {
    try {
      SubmissionState state = SubmissionState.valueOf(String.valueOf(given));
      return state.isDecision() ? Optional.of(state) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** A form's work on one proposal; returns what it did, for the page to say. */
  @FunctionalInterface
  private interface Action {
    String run(Tx tx, ReviewAccess.Viewer viewer, Submission s);
  }
}
