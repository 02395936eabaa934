package dev.cfpbot.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One open transaction. Stores run their statements through it; {@link Database} commits or rolls
 * back. Parameters may be strings, numbers, booleans, enums (stored by name), {@link Instant}s or
 * null.
 */
public final class Tx {
  private final Connection connection;
  private final List<Runnable> afterCommit = new ArrayList<>();

  Tx(Connection connection) {
    this.connection = connection;
  }

  /**
   * Runs {@code work} once this transaction has committed, and never if it rolls back: for work
   * outside the database that must follow only a durable change, such as deleting a file no row
   * refers to any more. {@code work} runs on the committing thread and handles its own failures.
   */
  public void afterCommit(Runnable work) {
    afterCommit.add(work);
  }

  /** The work waiting for the commit, in the order it was added. */
  List<Runnable> afterCommit() {
    return List.copyOf(afterCommit);
  }

  /**
   * Runs {@code work} as a part of this transaction that may fail alone: if it throws, its own
   * statements are undone (back to a savepoint) and the exception is rethrown, and the rest of the
   * transaction can go on and commit without them. Work added by it to run {@link #afterCommit
   * after the commit} is dropped with it.
   */
  public void attempt(String operation, Runnable work) {
    Savepoint savepoint;
    try {
      savepoint = connection.setSavepoint();
    } catch (SQLException e) {
      throw new StorageException(operation + " (savepoint)", e);
    }
    int committing = afterCommit.size();
    try {
      work.run();
    } catch (RuntimeException | Error e) {
      afterCommit.subList(committing, afterCommit.size()).clear();
      try {
        connection.rollback(savepoint);
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  /** Runs an insert, update or delete; returns the number of rows it changed. */
  public int update(String operation, String sql, Object... params) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StorageException(operation, e);
    }
  }

  public <T> List<T> list(String operation, String sql, RowMapper<T> mapper, Object... params) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new StorageException(operation, e);
    }
  }

  public <T> Optional<T> first(
      String operation, String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = list(operation, sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public long count(String operation, String sql, Object... params) {
    return first(operation, sql, row -> row.getLong(1), params).orElse(0L);
  }

  /** The JDBC connection, for bulk work the statement helpers do not cover (copying data). */
  Connection connection() {
    return connection;
  }

  /** Reads a timestamp column as an instant (null stays null). */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Reads a timestamp column, by position, as an instant (null stays null). */
  public static Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Reads an integer column that may be null. */
  public static Integer nullableInt(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }

  private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object value = params[i];
      int index = i + 1;
      if (value == null) {
        statement.setNull(index, Types.NULL);
      } else if (value instanceof Instant instant) {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else if (value instanceof Enum<?> e) {
        statement.setString(index, e.name());
      } else if (value instanceof Timestamp) {
        throw new IllegalArgumentException("pass an Instant, not a Timestamp");
      } else {
        statement.setObject(index, value);
      }
    }
  }
}
