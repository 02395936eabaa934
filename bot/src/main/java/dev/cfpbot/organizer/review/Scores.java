package dev.cfpbot.organizer.review;

import dev.cfpbot.config.ReviewConfig;
import dev.cfpbot.config.ScoreLevel;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.TextCleaner;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.Reviewer;
import java.time.Instant;
import java.util.Optional;

/**
 * One score and an optional comment per organizer and proposal, on the configured scale; giving
 * another replaces both. From chat ({@code /score GZ-07 +1 comment}, the alert's buttons) and from
 * the board alike.
 */
public final class Scores {
  /** A comment's limit, in characters (the column holds 2,000). */
  public static final int MAX_COMMENT = 2000;

  /** What became of a score. */
  public enum Kind {
    SCORED,
    /** The value is not on the scale. */
    NOT_ON_SCALE,
    /** The comment is longer than {@link #MAX_COMMENT}. */
    TOO_LONG,
    /** Withdrawn or deleted: nothing left to review. */
    NOT_REVIEWABLE
  }

  public record Outcome(Kind kind, ScoreLevel level) {}

  private final ReviewConfig config;
  private final Storage storage;

  public Scores(ReviewConfig config, Storage storage) {
    this.config = config;
    this.storage = storage;
  }

  /** Records {@code reviewer}'s score {@code value} ("+1", "2", "−1") and comment of {@code s}. */
  public Outcome score(
      Tx tx, Submission s, Reviewer reviewer, String value, String comment, Instant now) {
    if (!reviewable(s)) {
      return new Outcome(Kind.NOT_REVIEWABLE, null);
    }
    Optional<ScoreLevel> level = parse(value).flatMap(config::level);
    if (level.isEmpty()) {
      return new Outcome(Kind.NOT_ON_SCALE, null);
    }
    String cleaned = comment == null ? "" : TextCleaner.clean(comment, true).strip();
    if (cleaned.codePointCount(0, cleaned.length()) > MAX_COMMENT) {
      return new Outcome(Kind.TOO_LONG, level.get());
    }
    storage
        .reviews()
        .put(
            tx,
            s.id(),
            reviewer.id(),
            level.get().value(),
            cleaned.isEmpty() ? null : cleaned,
            now);
    return new Outcome(Kind.SCORED, level.get());
  }

  /** Whether organizers can still score {@code s}. */
  public static boolean reviewable(Submission s) {
    return s.state() == SubmissionState.SUBMITTED || s.state().isDecision();
  }

  /** A score as typed: "+1", "1", "-1", "−1" (minus sign), "－1" (full width). */
  static Optional<Integer> parse(String text) {
    String t = text == null ? "" : text.strip().replace('−', '-').replace('－', '-');
    t = t.replace('＋', '+');
    if (!t.matches("[+-]?\\d")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(t.startsWith("+") ? t.substring(1) : t));
  }

  public ReviewConfig config() {
    return config;
  }
}
