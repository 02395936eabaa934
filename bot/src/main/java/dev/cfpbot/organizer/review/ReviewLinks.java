package dev.cfpbot.organizer.review;

import dev.cfpbot.storage.rows.Reviewer;
import java.time.Duration;

/** Personal links to the review board, made where the board is served (the web layer). */
public interface ReviewLinks {

  /** A link for {@code reviewer} as they are now (their current revocation epoch). */
  String link(Reviewer reviewer);

  /** How long a link stays valid. */
  Duration lifetime();
}
