package dev.cfpbot.web.review;

import static dev.cfpbot.web.review.ReviewHtml.esc;

import dev.cfpbot.channel.HttpRoutes;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.organizer.review.Board;
import dev.cfpbot.organizer.review.ReviewDesk;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The review board's addresses: the list ({@code GET /review/{token}}), a proposal ({@code
 * …/p/{code}}), its files ({@code …/p/{code}/file/{field}}, PDFs shown inline), and the forms that
 * score, decide and undo ({@link ReviewActions}).
 */
public final class ReviewRoutes implements HttpRoutes {
  /** What an action's redirect may say it did; anything else shows nothing. */
  static final Set<String> DONE =
      Set.of(
          "scored",
          "not_on_scale",
          "too_long",
          "not_reviewable",
          "recorded",
          "unchanged",
          "needs_confirmation",
          "not_allowed",
          "note_too_long",
          "undone",
          "nothing_to_undo",
          "too_late");

  private final CfpConfig config;
  private final Storage storage;
  private final ReviewDesk desk;
  private final FileStore files;
  private final Clock clock;
  private final ReviewAccess access;
  private final ReviewActions actions;
  private final BoardPage boardPage;
  private final ProposalPage proposalPage;

  /**
   * @param afterCommit called after each action's transaction (wakes the outbox sender)
   */
  public ReviewRoutes(
      CfpConfig config,
      dev.cfpbot.i18n.Messages messages,
      Storage storage,
      ReviewDesk desk,
      ReviewTokens tokens,
      FileStore files,
      Clock clock,
      Runnable afterCommit) {
    this.config = config;
    this.storage = storage;
    this.desk = desk;
    this.files = files;
    this.clock = clock;
    this.access =
        new ReviewAccess(
            tokens, storage, desk.roster(), messages, config.bot().organizerLanguage());
    this.boardPage = new BoardPage(config);
    this.proposalPage = new ProposalPage(config.review());
    this.actions = new ReviewActions(config, storage, desk, access, boardPage, clock, afterCommit);
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/review/{token}", this::board);
    routes.get("/review/{token}/p/{code}", this::proposal);
    routes.get("/review/{token}/p/{code}/file/{field}", this::file);
    actions.register(routes);
  }

  private void board(Context ctx) {
    Optional<ReviewAccess.Viewer> viewer = access.viewer(ctx);
    if (viewer.isEmpty()) {
      return;
    }
    ReviewAccess.Viewer v = viewer.get();
    EventConfig event = desk.board().event(ctx.queryParam("event"), clock.instant());
    Board.Filter filter = filter(ctx);
    String body =
        storage
            .database()
            .inTransaction(
                "show review board",
                tx -> {
                  var rows = desk.board().list(tx, event, v.reviewer(), filter, clock.instant());
                  return boardPage.render(
                      v.html(),
                      v.token(),
                      v.csrf(),
                      event,
                      filter,
                      rows,
                      desk.board().total(tx, event));
                });
    ReviewHtml h = v.html();
    h.send(ctx, 200, h.t("board.title"), header(h, v, event.title().in(h.lang()), null), body);
  }

  private void proposal(Context ctx) {
    Optional<ReviewAccess.Viewer> viewer = access.viewer(ctx);
    if (viewer.isEmpty()) {
      return;
    }
    ReviewAccess.Viewer v = viewer.get();
    ReviewHtml h = v.html();
    String done = ctx.queryParam("done");
    String flash = done != null && DONE.contains(done) ? h.t("board.done." + done) : null;
    Optional<String> body =
        storage
            .database()
            .inTransaction(
                "show proposal for review",
                tx ->
                    desk.board()
                        .proposal(tx, ctx.pathParam("code"), v.reviewer(), clock.instant())
                        .map(
                            p ->
                                proposalPage.render(
                                    h,
                                    v.csrf(),
                                    p,
                                    storage
                                        .decisionNotices()
                                        .told(tx, p.submission().id())
                                        .orElse(null),
                                    names(tx, p.history()),
                                    flash)));
    if (body.isEmpty()) {
      h.refuse(ctx, 404, "board.not_found");
      return;
    }
    // Shown as asked for (it matched a proposal's code); send and header escape it.
    String code = ctx.pathParam("code").toUpperCase(java.util.Locale.ROOT);
    h.send(ctx, 200, code, header(h, v, code, "../../" + v.token()), body.get());
  }

  /** A proposal's file: a PDF shown in the browser, anything else downloaded. */
  private void file(Context ctx) throws IOException {
    Optional<ReviewAccess.Viewer> viewer = access.viewer(ctx);
    if (viewer.isEmpty()) {
      return;
    }
    Optional<FileRef> ref =
        storage
            .database()
            .inTransaction(
                "find file for review",
                tx ->
                    desk.board()
                        .proposal(
                            tx, ctx.pathParam("code"), viewer.get().reviewer(), clock.instant())
                        .map(p -> p.answers().get(ctx.pathParam("field")))
                        .map(Answer::file));
    Path path = ref.map(files::resolve).filter(Files::isRegularFile).orElse(null);
    if (path == null) {
      viewer.get().html().refuse(ctx, 404, "board.not_found");
      return;
    }
    boolean pdf = "application/pdf".equals(ref.get().type());
    boolean inline = pdf && ctx.queryParam("inline") != null;
    String name = ref.get().name().replaceAll("[^A-Za-z0-9._-]", "_");
    ctx.status(200)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        // A document of its own: nothing in it may run or load, and no other site may frame it.
        .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        .header("X-Frame-Options", "DENY")
        .header(
            "Content-Disposition",
            (inline ? "inline" : "attachment") + "; filename=\"" + name + "\"")
        .contentType(pdf ? "application/pdf" : "application/octet-stream")
        .result(Files.newInputStream(path));
  }

  private String header(ReviewHtml h, ReviewAccess.Viewer v, String title, String back) {
    String name = v.reviewer().name() == null ? "" : v.reviewer().name();
    return (back == null
            ? ""
            : "<a href=\"" + back + "\" id=\"back\">" + h.t("board.back") + "</a>")
        + "<h1>📋 "
        + esc(title)
        + "</h1><span>"
        + esc(name)
        + "</span>";
  }

  /** The names of the organizers a history mentions, by actor ("telegram:777"). */
  private Map<String, String> names(Tx tx, List<HistoryEntry> history) {
    Map<String, String> names = new HashMap<>();
    for (HistoryEntry e : history) {
      String[] parts = e.actor().split(":", 2);
      if (parts.length == 2 && !names.containsKey(e.actor())) {
        storage
            .reviews()
            .find(tx, parts[0], parts[1])
            .filter(r -> r.name() != null)
            .ifPresent(r -> names.put(e.actor(), r.name()));
      }
    }
    return names;
  }

  static Board.Filter filter(Context ctx) {
    String state = ctx.queryParam("state");
    String query = ctx.queryParam("q");
    Board.Sort sort;
    try {
      sort = Board.Sort.valueOf(String.valueOf(ctx.queryParam("sort")));
    } catch (IllegalArgumentException e) {
      sort = Board.Sort.TIME;
    }
    return new Board.Filter(
        state != null && BoardPage.STATES.contains(state) ? state : "",
        query == null ? "" : query.strip().substring(0, Math.min(100, query.strip().length())),
        sort);
  }
}
