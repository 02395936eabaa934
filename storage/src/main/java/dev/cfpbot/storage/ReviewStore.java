package dev.cfpbot.storage;

import dev.cfpbot.storage.rows.Review;
import dev.cfpbot.storage.rows.Reviewer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The organizers who review and their scores: one score and an optional comment per organizer and
 * proposal, kept with who gave it and when.
 */
public final class ReviewStore {
  private static final String REVIEWER =
      "id, channel, external_id, name, language, epoch, created_at";
  private static final String REVIEW =
      "r.submission_id, r.reviewer_id, v.name, v.channel, r.score, r.comment, r.created_at,"
          + " r.updated_at";

  /** How the scores of one proposal add up, and what one organizer gave it. */
  public record Tally(int count, double average, Integer mine) {}

  /**
   * The reviewer for a platform identity, created on first use; the name and language follow what
   * the platform says now. A concurrent first use ends in a unique violation (the turn is redone).
   */
  public Reviewer enroll(
      Tx tx, String channel, String externalId, String name, String language, Instant now) {
    Optional<Reviewer> found = find(tx, channel, externalId);
    if (found.isEmpty()) {
      Reviewer created =
          new Reviewer(UUID.randomUUID().toString(), channel, externalId, name, language, 0, now);
      tx.update(
          "enroll reviewer",
          "insert into reviewers (" + REVIEWER + ") values (?, ?, ?, ?, ?, ?, ?)",
          created.id(),
          channel,
          externalId,
          name,
          language,
          0,
          now);
      return created;
    }
    Reviewer r = found.get();
    String newName = name == null ? r.name() : name;
    if (!java.util.Objects.equals(newName, r.name()) || !language.equals(r.language())) {
      tx.update(
          "rename reviewer",
          "update reviewers set name = ?, language = ? where id = ?",
          newName,
          language,
          r.id());
    }
    return new Reviewer(r.id(), channel, externalId, newName, language, r.epoch(), r.createdAt());
  }

  public Optional<Reviewer> reviewer(Tx tx, String id) {
    return tx.first(
        "read reviewer",
        "select " + REVIEWER + " from reviewers where id = ?",
        ReviewStore::mapReviewer,
        id);
  }

  public Optional<Reviewer> find(Tx tx, String channel, String externalId) {
    return tx.first(
        "find reviewer",
        "select " + REVIEWER + " from reviewers where channel = ? and external_id = ?",
        ReviewStore::mapReviewer,
        channel,
        externalId);
  }

  /** Ends every review link of a reviewer issued so far. Returns the new epoch. */
  public int revokeLinks(Tx tx, String reviewerId) {
    tx.update(
        "revoke review links", "update reviewers set epoch = epoch + 1 where id = ?", reviewerId);
    return reviewer(tx, reviewerId).map(Reviewer::epoch).orElseThrow();
  }

  /** Gives (or changes) one organizer's score and comment of one proposal. */
  public void put(
      Tx tx, String submissionId, String reviewerId, int score, String comment, Instant now) {
    int changed =
        tx.update(
            "change review",
            "update reviews set score = ?, comment = ?, updated_at = ?"
                + " where submission_id = ? and reviewer_id = ?",
            score,
            comment,
            now,
            submissionId,
            reviewerId);
    if (changed == 0) {
      tx.update(
          "add review",
          "insert into reviews (submission_id, reviewer_id, score, comment, created_at,"
              + " updated_at) values (?, ?, ?, ?, ?, ?)",
          submissionId,
          reviewerId,
          score,
          comment,
          now,
          now);
    }
  }

  /** The reviews of one proposal, oldest first. */
  public List<Review> of(Tx tx, String submissionId) {
    return tx.list(
        "read reviews of submission",
        "select "
            + REVIEW
            + " from reviews r join reviewers v on v.id = r.reviewer_id"
            + " where r.submission_id = ? order by r.created_at, v.channel, v.external_id",
        ReviewStore::mapReview,
        submissionId);
  }

  /** The reviews of an event's proposals, by submission id, each oldest first. */
  public Map<String, List<Review>> ofEvent(Tx tx, String eventId) {
    Map<String, List<Review>> by = new HashMap<>();
    tx.list(
            "read reviews of event",
            "select "
                + REVIEW
                + " from reviews r join reviewers v on v.id = r.reviewer_id"
                + " join submissions s on s.id = r.submission_id"
                + " where s.event_id = ? order by r.created_at, v.channel, v.external_id",
            ReviewStore::mapReview,
            eventId)
        .forEach(
            r -> by.computeIfAbsent(r.submissionId(), k -> new java.util.ArrayList<>()).add(r));
    return by;
  }

  /** Each reviewed proposal of an event: its number of scores, their average, and {@code mine}. */
  public Map<String, Tally> tallies(Tx tx, String eventId, String reviewerId) {
    Map<String, Tally> tallies = new HashMap<>();
    tx.list(
            "count scores of event",
            "select r.submission_id, count(*), avg(cast(r.score as double precision)),"
                + " max(case when r.reviewer_id = ? then r.score end)"
                + " from reviews r join submissions s on s.id = r.submission_id"
                + " where s.event_id = ? group by r.submission_id",
            row -> {
              int mine = row.getInt(4);
              Integer given = row.wasNull() ? null : mine;
              return Map.entry(row.getString(1), new Tally(row.getInt(2), row.getDouble(3), given));
            },
            reviewerId,
            eventId)
        .forEach(e -> tallies.put(e.getKey(), e.getValue()));
    return tallies;
  }

  /** Who (as "channel:external id") scored each proposal among {@code submissionIds}. */
  public Map<String, List<String>> scoredBy(Tx tx, Collection<String> submissionIds) {
    Map<String, List<String>> by = new HashMap<>();
    if (submissionIds.isEmpty()) {
      return by;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(submissionIds.size(), "?"));
    tx.list(
            "list reviewers of submissions",
            "select r.submission_id, v.channel, v.external_id from reviews r"
                + " join reviewers v on v.id = r.reviewer_id where r.submission_id in ("
                + marks
                + ") order by r.created_at, v.channel, v.external_id",
            row -> Map.entry(row.getString(1), row.getString(2) + ":" + row.getString(3)),
            submissionIds.toArray())
        .forEach(
            e ->
                by.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
    return by;
  }

  /** Empties the comments of an event's reviews (the retention is over); the scores stay. */
  public int purgeComments(Tx tx, String eventId) {
    return tx.update(
        "purge review comments",
        "update reviews set comment = null where comment is not null and submission_id in"
            + " (select id from submissions where event_id = ?)",
        eventId);
  }

  /** Deletes the reviews of one proposal (its speaker had their data deleted). */
  public int deleteFor(Tx tx, String submissionId) {
    return tx.update(
        "delete reviews of submission",
        "delete from reviews where submission_id = ?",
        submissionId);
  }

  private static Reviewer mapReviewer(ResultSet row) throws SQLException {
    return new Reviewer(
        row.getString("id"),
        row.getString("channel"),
        row.getString("external_id"),
        row.getString("name"),
        row.getString("language"),
        row.getInt("epoch"),
        Tx.instant(row, "created_at"));
  }

  private static Review mapReview(ResultSet row) throws SQLException {
    return new Review(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getInt(5),
        row.getString(6),
        Tx.instant(row, 7),
        Tx.instant(row, 8));
  }
}
