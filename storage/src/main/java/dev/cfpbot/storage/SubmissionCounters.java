package dev.cfpbot.storage;

/**
 * The numbers of confirmed submissions, one counter per event: a number is taken under the
 * counter's row lock, so two confirmations of one event cannot get the same one.
 */
final class SubmissionCounters {
  private static final String SELECT =
      "select last_number from submission_counters where event_id = ? for update";

  private SubmissionCounters() {}

  /**
   * The number the next confirmed submission of an event gets. Locks the event's counter until the
   * transaction ends: another confirmation of the same event waits here, then sees the number this
   * one took (recorded by {@link #advance}).
   */
  static int next(Tx tx, String eventId) {
    var last = tx.first("lock submission counter", SELECT, row -> row.getInt(1), eventId);
    if (last.isEmpty()) {
      // The first confirmation of this event: a race here ends in a unique violation, and the
      // retried transaction finds the row.
      tx.update(
          "create submission counter",
          "insert into submission_counters (event_id, last_number) values (?, 0)",
          eventId);
      last = tx.first("lock submission counter", SELECT, row -> row.getInt(1), eventId);
    }
    return last.orElseThrow() + 1;
  }

  /** Records that submission {@code id} took {@code number} in its event. */
  static void advance(Tx tx, String id, int number) {
    tx.update(
        "advance submission counter",
        "update submission_counters set last_number = ? where event_id = (select event_id from"
            + " submissions where id = ?) and last_number < ?",
        number,
        id,
        number);
  }
}
