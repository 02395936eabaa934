package dev.cfpbot.storage.rows;

/** Where an outbox message is in its delivery. */
public enum OutboxState {
  /** Waiting for its turn (or for a retry after {@code due_at}). */
  PENDING,
  /** Claimed by a sender until its claim expires. */
  SENDING,
  SENT,
  /** Given up: the platform refused it for good or every retry failed. */
  FAILED
}
