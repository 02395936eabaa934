package dev.cfpbot.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The (timestamp, nonce) pairs of signed callbacks already taken, with a digest of each one's body.
 * The pair's unique key decides, across instances, which request was first.
 */
public final class CallbackNonceStore {
  private final boolean postgres;

  /**
   * @param postgres the database is PostgreSQL (else H2): they spell "insert if absent" differently
   */
  public CallbackNonceStore(boolean postgres) {
    this.postgres = postgres;
  }

  /**
   * Records the pair unless it is recorded already.
   *
   * @param sentAt the timestamp the platform signed, in seconds since the epoch
   * @return empty when the pair is new (and now recorded); else the body digest it was first
   *     recorded with
   */
  public Optional<String> remember(
      Tx tx, String channel, long sentAt, String nonce, String bodySha256) {
    int inserted;
    if (postgres) {
      // A failed statement would abort the whole transaction in PostgreSQL: ask it not to fail.
      inserted =
          tx.update(
              "remember callback nonce",
              "insert into callback_nonces (channel, sent_at, nonce, body_sha256)"
                  + " values (?, ?, ?, ?) on conflict do nothing",
              channel,
              sentAt,
              nonce,
              bodySha256);
    } else {
      inserted = insertOrZero(tx, channel, sentAt, nonce, bodySha256);
    }
    if (inserted == 1) {
      return Optional.empty();
    }
    return tx.first(
        "look up callback nonce",
        "select body_sha256 from callback_nonces where channel = ? and sent_at = ? and nonce = ?",
        row -> row.getString(1),
        channel,
        sentAt,
        nonce);
  }

  /**
   * Records the pair unless it is recorded already, and says whether the message may go on: true
   * when the pair is new, or was recorded with this same body (the platform retrying); false when
   * it was recorded with another body (a replay).
   */
  public boolean admits(Tx tx, String channel, long sentAt, String nonce, String bodySha256) {
    return remember(tx, channel, sentAt, nonce, bodySha256)
        .map(first -> sameBody(first, bodySha256))
        .orElse(true);
  }

  /** Whether two body digests are the same, compared in constant time. */
  public static boolean sameBody(String firstSha256, String bodySha256) {
    return MessageDigest.isEqual(
        firstSha256.getBytes(StandardCharsets.US_ASCII),
        bodySha256.getBytes(StandardCharsets.US_ASCII));
  }

  /** Deletes pairs whose timestamp is before {@code sentBefore} (seconds since the epoch). */
  public int prune(Tx tx, long sentBefore) {
    return tx.update(
        "prune callback nonces", "delete from callback_nonces where sent_at < ?", sentBefore);
  }

  /** H2 rolls back only the failed statement, so the transaction goes on after a duplicate. */
  private static int insertOrZero(
      Tx tx, String channel, long sentAt, String nonce, String bodySha256) {
    try {
      return tx.update(
          "remember callback nonce",
          "insert into callback_nonces (channel, sent_at, nonce, body_sha256) values (?, ?, ?, ?)",
          channel,
          sentAt,
          nonce,
          bodySha256);
    } catch (StorageException e) {
      if (e.isUniqueViolation()) {
        return 0;
      }
      throw e;
    }
  }
}
