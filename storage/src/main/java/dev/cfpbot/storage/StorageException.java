package dev.cfpbot.storage;

import java.sql.SQLException;

/** A storage operation failed. The message names the operation; the cause is the driver's error. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;

  public StorageException(String operation, Throwable cause) {
    super(operation + " failed: " + describe(cause), cause);
    this.operation = operation;
  }

  protected StorageException(String operation, String message) {
    super(operation + " failed: " + message);
    this.operation = operation;
  }

  /** The operation that failed, e.g. "save answer". */
  public String operation() {
    return operation;
  }

  /**
   * Whether a unique constraint refused the write: two writers raced for the same key, and the
   * whole transaction can be retried to see the winner's row.
   */
  public boolean isUniqueViolation() {
    return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
  }

  /**
   * Whether the database could not be reached or is not accepting work: a retry later may succeed.
   * SQLState class 08 is "connection exception"; H2 reports a locked file as 90020; PostgreSQL says
   * 57P01 when it shuts down and 57P03 while it starts.
   */
  public boolean isUnavailable() {
    if (!(getCause() instanceof SQLException sql)) {
      return false;
    }
    String state = sql.getSQLState();
    return state != null
        && (state.startsWith("08")
            || state.equals("90020")
            || state.equals("57P01")
            || state.equals("57P03"));
  }

  private static String describe(Throwable cause) {
    return cause == null
        ? "unknown error"
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
