package dev.cfpbot.organizer.review;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.Form;
import dev.cfpbot.storage.ReviewStore;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.DecisionNotice;
import dev.cfpbot.storage.rows.Review;
import dev.cfpbot.storage.rows.Reviewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the review board shows: an event's proposals with their state, the organizer's own score and
 * the average (hidden, like the others' scores, until the organizer scored the proposal, unless
 * {@code review.show_scores} is "always"), and one proposal in full.
 */
public final class Board {
  /** How the list is ordered. */
  public enum Sort {
    /** Oldest first, as they came in. */
    TIME,
    /** Highest average first; unscored last. */
    AVERAGE,
    /** Fewest reviews first: what still needs reading. */
    REVIEWS
  }

  /**
   * @param state a state's name, "UNDECIDED" (submitted, no decision yet), or empty for all
   * @param query text to find in the code or any answer; empty for all
   */
  public record Filter(String state, String query, Sort sort) {}

  /**
   * @param average null while hidden from this organizer, or when nobody scored it
   * @param held the decision waiting to be told, if any
   */
  public record Row(
      Submission submission,
      String title,
      String speaker,
      int reviews,
      Double average,
      Integer mine,
      DecisionNotice held) {}

  /**
   * @param reviews every organizer's review when this one may see them; else only their own
   * @param othersHidden how many reviews are hidden until this organizer scores
   */
  public record Proposal(
      Submission submission,
      EventConfig event,
      Form form,
      Map<String, Answer> answers,
      List<HistoryEntry> history,
      List<DecisionNotice> notices,
      List<Review> reviews,
      Review mine,
      int othersHidden,
      DecisionNotice held) {}

  private final CfpConfig config;
  private final Storage storage;

  public Board(CfpConfig config, Storage storage) {
    this.config = config;
    this.storage = storage;
  }

  /** The event's proposals (every one ever submitted, deleted ones aside) that match. */
  public List<Row> list(Tx tx, EventConfig event, Reviewer me, Filter filter, Instant now) {
    Form form = config.formOf(event);
    List<Submission> all =
        storage.submissions().listSubmitted(tx, event.id()).stream()
            .filter(s -> s.state() != SubmissionState.DELETED)
            .toList();
    Map<String, Map<String, Answer>> answers =
        storage.answers().answersOf(tx, all.stream().map(Submission::id).toList(), false);
    Map<String, ReviewStore.Tally> tallies = storage.reviews().tallies(tx, event.id(), me.id());
    Map<String, DecisionNotice> open = storage.decisionNotices().latestOpenOfEvent(tx, event.id());
    String query = filter.query() == null ? "" : filter.query().strip().toLowerCase(Locale.ROOT);
    List<Row> rows = new ArrayList<>();
    for (Submission s : all) {
      Map<String, Answer> a = answers.getOrDefault(s.id(), Map.of());
      if (!matches(s, filter.state()) || !contains(s, a, query)) {
        continue;
      }
      ReviewStore.Tally t = tallies.get(s.id());
      Integer mine = t == null ? null : t.mine();
      boolean visible = t != null && (mine != null || config.review().scoresAlwaysVisible());
      DecisionNotice held = open.get(s.id());
      rows.add(
          new Row(
              s,
              text(form.titleField(), a),
              text(form.speakerField(), a),
              t == null ? 0 : t.count(),
              visible ? t.average() : null,
              mine,
              held != null && held.held(now) ? held : null));
    }
    rows.sort(order(filter.sort()));
    return rows;
  }

  /** How many proposals the event's board holds before any filter (deleted ones aside). */
  public int total(Tx tx, EventConfig event) {
    long total = 0;
    for (var e : storage.submissions().countByState(tx, event.id()).entrySet()) {
      if (e.getKey() != SubmissionState.DRAFT && e.getKey() != SubmissionState.DELETED) {
        total += e.getValue();
      }
    }
    return (int) total;
  }

  /** One proposal of a configured event, by code, as {@code me} may see it. */
  public Optional<Proposal> proposal(Tx tx, String code, Reviewer me, Instant now) {
    Optional<Submission> found =
        storage.submissions().findByCode(tx, code).filter(s -> s.number() != null);
    if (found.isEmpty() || config.event(found.get().eventId()).isEmpty()) {
      return Optional.empty();
    }
    Submission s = found.get();
    EventConfig event = config.event(s.eventId()).orElseThrow();
    List<Review> reviews = storage.reviews().of(tx, s.id());
    Review mine =
        reviews.stream().filter(r -> r.reviewerId().equals(me.id())).findFirst().orElse(null);
    boolean all = mine != null || config.review().scoresAlwaysVisible();
    List<DecisionNotice> notices = storage.decisionNotices().of(tx, s.id());
    DecisionNotice held =
        notices.isEmpty() || !notices.get(notices.size() - 1).held(now)
            ? null
            : notices.get(notices.size() - 1);
    return Optional.of(
        new Proposal(
            s,
            event,
            config.formOf(event),
            storage.answers().answers(tx, s.id(), false),
            storage.submissions().history(tx, s.id()),
            notices,
            all ? reviews : mine == null ? List.of() : List.of(mine),
            mine,
            all ? 0 : reviews.size() - (mine == null ? 0 : 1),
            held));
  }

  /** The event to show: the one asked for, else the first open one, else the first configured. */
  public EventConfig event(String id, Instant now) {
    return config
        .event(id == null ? "" : id)
        .or(() -> config.openEvents(now).stream().findFirst())
        .orElse(config.events().get(0));
  }

  /** An average as organizers read it: +1.5, 0, −0.3. */
  public static String average(double value) {
    String text = String.format(Locale.ROOT, "%.1f", Math.abs(value)).replaceAll("\\.0$", "");
    return text.equals("0") ? "0" : (value > 0 ? "+" : "−") + text;
  }

  private static boolean matches(Submission s, String state) {
    if (state == null || state.isBlank()) {
      return true;
    }
    return state.equals("UNDECIDED")
        ? s.state() == SubmissionState.SUBMITTED
        : s.state().name().equals(state);
  }

  private static boolean contains(Submission s, Map<String, Answer> answers, String query) {
    if (query.isEmpty() || s.code().toLowerCase(Locale.ROOT).contains(query)) {
      return true;
    }
    return answers.values().stream()
        .anyMatch(a -> a.text() != null && a.text().toLowerCase(Locale.ROOT).contains(query));
  }

  private static String text(Optional<Field> field, Map<String, Answer> answers) {
    return field.map(f -> answers.get(f.id())).map(Answer::text).orElse("");
  }

  private static Comparator<Row> order(Sort sort) {
    Comparator<Row> byNumber = Comparator.comparing(r -> r.submission().number());
    return switch (sort == null ? Sort.TIME : sort) {
      case TIME -> byNumber;
      case AVERAGE ->
          Comparator.comparing(
                  (Row r) -> r.average() == null ? Double.NEGATIVE_INFINITY : r.average())
              .reversed()
              .thenComparing(byNumber);
      case REVIEWS -> Comparator.comparingInt(Row::reviews).thenComparing(byNumber);
    };
  }
}
