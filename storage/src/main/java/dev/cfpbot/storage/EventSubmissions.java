package dev.cfpbot.storage;

import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Questions about all of one event's submissions (for {@link SubmissionStore}). */
final class EventSubmissions {
  private EventSubmissions() {}

  /** The drafts of an event, oldest first. */
  static List<Submission> drafts(Tx tx, String eventId) {
    return tx.list(
        "list drafts of event",
        "select "
            + SubmissionStore.COLUMNS
            + " from submissions where event_id = ? and state = ? order by created_at",
        SubmissionStore::map,
        eventId,
        SubmissionState.DRAFT);
  }

  /**
   * The speakers with a draft or a proposal still in play for an event (not withdrawn; a deleted
   * proposal has no speaker any more).
   */
  static List<String> speakers(Tx tx, String eventId) {
    return tx.list(
        "list speakers of event",
        "select distinct speaker_id from submissions where event_id = ? and state <> ?"
            + " and speaker_id is not null order by speaker_id",
        row -> row.getString(1),
        eventId,
        SubmissionState.WITHDRAWN);
  }

  static Map<SubmissionState, Long> countByState(Tx tx, String eventId) {
    Map<SubmissionState, Long> counts = new EnumMap<>(SubmissionState.class);
    for (SubmissionState state : SubmissionState.values()) {
      counts.put(state, 0L);
    }
    tx.list(
            "count submissions by state",
            "select state, count(*) from submissions where event_id = ? group by state",
            row -> Map.entry(SubmissionState.valueOf(row.getString(1)), row.getLong(2)),
            eventId)
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }
}
