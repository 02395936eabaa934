package dev.cfpbot.storage;

import dev.cfpbot.storage.rows.Publication;
import dev.cfpbot.storage.rows.PublishedTalk;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The agenda of each event: the talk in each slot as organizers set it, what was published, the
 * messages a speaker gets once, and the place last told.
 */
public final class AgendaStore {

  /** The talks placed in {@code eventId}'s slots, by slot number (from 1); empty when none. */
  public Map<Integer, String> slots(Tx tx, String eventId) {
    Map<Integer, String> slots = new TreeMap<>();
    tx.list(
            "read agenda slots",
            "select slot, submission_id from agenda_slots where event_id = ? order by slot",
            row -> Map.entry(row.getInt(1), row.getString(2)),
            eventId)
        .forEach(e -> slots.put(e.getKey(), e.getValue()));
    return slots;
  }

  /** Replaces the talks placed in {@code eventId}'s slots with {@code slots}. */
  public void replaceSlots(Tx tx, String eventId, Map<Integer, String> slots) {
    tx.update("clear agenda slots", "delete from agenda_slots where event_id = ?", eventId);
    for (Map.Entry<Integer, String> e : slots.entrySet()) {
      tx.update(
          "place talk in agenda",
          "insert into agenda_slots (event_id, slot, submission_id) values (?, ?, ?)",
          eventId,
          e.getKey(),
          e.getValue());
    }
  }

  /** Takes {@code submissionId} out of its slot, if it had one; returns whether it had. */
  public boolean unplace(Tx tx, String submissionId) {
    return tx.update(
            "take talk out of agenda",
            "delete from agenda_slots where submission_id = ?",
            submissionId)
        > 0;
  }

  /** What the last publication of {@code eventId} placed, by slot; empty before the first. */
  public List<PublishedTalk> published(Tx tx, String eventId) {
    return tx.list(
        "read published agenda",
        "select submission_id, slot, starts_at from agenda_published where event_id = ?"
            + " order by slot",
        row -> new PublishedTalk(row.getString(1), row.getInt(2), Tx.instant(row, "starts_at")),
        eventId);
  }

  /** The last publication of {@code eventId}, if there was one. */
  public Optional<Publication> lastPublication(Tx tx, String eventId) {
    return tx.first(
        "read agenda publication",
        "select event_id, version, published_at, actor from agenda_publications"
            + " where event_id = ? order by version desc limit 1",
        row ->
            new Publication(
                row.getString(1), row.getInt(2), Tx.instant(row, "published_at"), row.getString(4)),
        eventId);
  }

  /** Records a publication of {@code talks}, in place of the one before; returns it. */
  public Publication publish(
      Tx tx, String eventId, List<PublishedTalk> talks, String actor, Instant at) {
    int version = lastPublication(tx, eventId).map(p -> p.version() + 1).orElse(1);
    tx.update(
        "record agenda publication",
        "insert into agenda_publications (event_id, version, published_at, actor)"
            + " values (?, ?, ?, ?)",
        eventId,
        version,
        at,
        actor);
    tx.update("clear published agenda", "delete from agenda_published where event_id = ?", eventId);
    for (PublishedTalk talk : talks) {
      tx.update(
          "record published talk",
          "insert into agenda_published (event_id, submission_id, slot, starts_at)"
              + " values (?, ?, ?, ?)",
          eventId,
          talk.submissionId(),
          talk.slot(),
          talk.startsAt());
    }
    return new Publication(eventId, version, at, actor);
  }

  /**
   * Records that {@code submissionId}'s speaker got the message {@code kind}; false when they had
   * it already (the caller then sends nothing).
   */
  public boolean noteSent(Tx tx, String submissionId, String kind, Instant at) {
    if (tx.count(
            "look for speaker notice",
            "select count(*) from speaker_notices where submission_id = ? and kind = ?",
            submissionId,
            kind)
        > 0) {
      return false;
    }
    tx.update(
        "record speaker notice",
        "insert into speaker_notices (submission_id, kind, sent_at) values (?, ?, ?)",
        submissionId,
        kind,
        at);
    return true;
  }

  /** Which of {@code submissionIds} got the message {@code kind}. */
  public Set<String> sent(Tx tx, Collection<String> submissionIds, String kind) {
    if (submissionIds.isEmpty()) {
      return Set.of();
    }
    String marks = String.join(", ", Collections.nCopies(submissionIds.size(), "?"));
    Object[] params = new Object[submissionIds.size() + 1];
    params[0] = kind;
    int i = 1;
    for (String id : submissionIds) {
      params[i++] = id;
    }
    return Set.copyOf(
        tx.list(
            "read speaker notices",
            "select submission_id from speaker_notices where kind = ? and submission_id in ("
                + marks
                + ")",
            row -> row.getString(1),
            params));
  }

  /** The place last told for {@code eventId}, if any was. */
  public Optional<String> place(Tx tx, String eventId) {
    return tx.first(
        "read event place",
        "select place from event_places where event_id = ?",
        row -> row.getString(1),
        eventId);
  }

  /**
   * Records {@code place} as told for {@code eventId}, if the place last told is still {@code
   * before} (null: none yet). False when another instance got there first: it tells, not this one.
   */
  public boolean notePlace(Tx tx, String eventId, String before, String place, Instant at) {
    if (before == null) {
      if (place(tx, eventId).isPresent()) {
        return false;
      }
      tx.update(
          "record event place",
          "insert into event_places (event_id, place, noted_at) values (?, ?, ?)",
          eventId,
          place,
          at);
      return true;
    }
    return tx.update(
            "record event place",
            "update event_places set place = ?, noted_at = ? where event_id = ? and place = ?",
            place,
            at,
            eventId,
            before)
        == 1;
  }
}
