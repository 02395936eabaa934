package dev.cfpbot.web.review;

import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.organizer.review.Roster;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.rows.Reviewer;
import io.javalin.http.Context;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is looking: the link's token must be genuine and unexpired, carry the reviewer's current
 * epoch (not revoked), and name someone who is an organizer now. A POST must also carry the page's
 * CSRF token and not come from another site. Anything else is a 403 that says nothing more.
 */
final class ReviewAccess {
  private static final Logger log = LoggerFactory.getLogger(ReviewAccess.class);

  /** An organizer on the board, through one link. */
  record Viewer(Reviewer reviewer, String token, String csrf, ReviewHtml html) {
    String actor() {
      return reviewer.channel() + ":" + reviewer.externalId();
    }
  }

  private final ReviewTokens tokens;
  private final Storage storage;
  private final Roster roster;
  private final Messages messages;
  private final Lang fallback;

  ReviewAccess(
      ReviewTokens tokens, Storage storage, Roster roster, Messages messages, Lang fallback) {
    this.tokens = tokens;
    this.storage = storage;
    this.roster = roster;
    this.messages = messages;
    this.fallback = fallback;
  }

  /** The viewer of this request, or empty with a 403 page already sent. */
  Optional<Viewer> viewer(Context ctx) {
    String token = ctx.pathParam("token");
    Optional<Reviewer> reviewer =
        tokens
            .verify(token)
            .flatMap(
                claim ->
                    storage
                        .database()
                        .inTransaction(
                            "find reviewer of link",
                            tx -> storage.reviews().reviewer(tx, claim.reviewerId()))
                        .filter(r -> r.epoch() == claim.epoch()))
            .filter(r -> roster.isOrganizer(r.channel(), r.externalId()));
    if (reviewer.isEmpty()) {
      // The token is a credential: it is not logged, nor anything it names.
      log.info("review board: refused a link that is forged, expired or revoked");
      new ReviewHtml(messages, fallback).refuse(ctx, 403, "board.invalid");
      return Optional.empty();
    }
    Reviewer r = reviewer.get();
    Lang lang = Lang.parse(r.language()).orElse(fallback);
    return Optional.of(new Viewer(r, token, tokens.csrf(token), new ReviewHtml(messages, lang)));
  }

  /** The viewer of a form's POST, or empty with a 403 already sent. */
  Optional<Viewer> poster(Context ctx) {
    Optional<Viewer> viewer = viewer(ctx);
    if (viewer.isEmpty()) {
      return viewer;
    }
    String site = ctx.header("Sec-Fetch-Site");
    boolean crossSite = site != null && site.equals("cross-site");
    if (crossSite || !tokens.csrfMatches(viewer.get().token(), ctx.formParam("csrf"))) {
      log.info("review board: refused a form without this page's CSRF token");
      viewer.get().html().refuse(ctx, 403, "board.csrf");
      return Optional.empty();
    }
    return viewer;
  }
}
