package dev.cfpbot.storage;

import java.sql.SQLException;

/**
 * A storage operation failed. The message names the operation and the database's SQL state; it
 * never carries the values of the failed statement.
 *
 * <p>Drivers put the offending values in their messages (H2: {@code VALUES ( 'telegram', '4242' )},
 * PostgreSQL: {@code Detail: Key (external_id)=(4242) already exists}), and those values are
 * speakers' answers, phone numbers and platform ids. So a driver's error is kept only as a copy
 * with its SQL state, vendor code and stack trace, without its message or causes. Connection
 * failures are the exception: their messages name a host or a file, not a person, and an operator
 * needs them: see {@link #aboutTheConnection}.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;

  public StorageException(String operation, Throwable cause) {
    this(operation, sanitized(cause));
  }

  private StorageException(String operation, SafeCause cause) {
    super(operation + " failed: " + cause.description(), cause.error());
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
    return "23505".equals(sqlState());
  }

  /**
   * Whether the database could not be reached or is not accepting work: a retry later may succeed.
   */
  public boolean isUnavailable() {
    return unavailable(sqlState());
  }

  /** The SQL state of the driver's error; null when the failure was not the driver's. */
  public String sqlState() {
    return getCause() instanceof SQLException sql ? sql.getSQLState() : null;
  }

  /**
   * SQLState class 08 is "connection exception"; H2 reports a locked file as 90020; PostgreSQL says
   * 57P01 when it shuts down and 57P03 while it starts.
   */
  private static boolean unavailable(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("90020")
            || state.equals("57P01")
            || state.equals("57P03"));
  }

  /**
   * Whether an error of SQL state {@code state} is about reaching the database rather than about a
   * statement's data: connection (08), authorization (28), unknown database (3D), resources (53),
   * operator intervention (57), system errors (58), and H2's file-level errors (locked, not found,
   * I/O, closed). Their messages name hosts, users and files: an operator needs them, and they
   * carry no answer.
   */
  private static boolean aboutTheConnection(String state) {
    if (state == null || state.length() < 2) {
      return false;
    }
    return switch (state.substring(0, 2)) {
      case "08", "28", "3D", "53", "57", "58" -> true;
      default ->
          switch (state) {
            case "90020", "90146", "90013", "90028", "90098", "90121", "90067" -> true;
            default -> false;
          };
    };
  }

  private record SafeCause(String description, Throwable error) {}

  private static SafeCause sanitized(Throwable cause) {
    if (cause == null) {
      return new SafeCause("unknown error", null);
    }
    if (!(cause instanceof SQLException sql) || aboutTheConnection(sql.getSQLState())) {
      return new SafeCause(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
    String description = "SQL state " + sql.getSQLState() + ", error code " + sql.getErrorCode();
    SQLException copy =
        new SQLException(
            sql.getClass().getSimpleName() + ": " + description,
            sql.getSQLState(),
            sql.getErrorCode());
    copy.setStackTrace(sql.getStackTrace());
    return new SafeCause(description, copy);
  }
}
