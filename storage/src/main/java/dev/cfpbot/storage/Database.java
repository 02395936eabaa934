package dev.cfpbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a connection pool on a JDBC URL (H2 file or in-memory, or PostgreSQL), migrated by
 * Flyway when opened. Work runs in {@link #inTransaction(String, Function) transactions}.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private final HikariDataSource pool;
  private final boolean postgres;
  private final boolean inMemory;
  private final boolean embedded;

  private Database(HikariDataSource pool, String url) {
    this.pool = pool;
    this.postgres = url.startsWith("jdbc:postgresql:");
    this.inMemory = url.startsWith("jdbc:h2:mem:");
    this.embedded =
        (inMemory || url.startsWith("jdbc:h2:file:")) && !url.contains("AUTO_SERVER=TRUE");
  }

  /**
   * Opens the database at {@code url} and brings its schema up to date.
   *
   * @param poolSize the most connections held open at once
   */
  public static Database open(String url, String user, String password, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setAutoCommit(false);
    config.setPoolName("cfpbot-db");
    // Fail fast on a wrong URL or a locked file instead of retrying for half a minute.
    config.setInitializationFailTimeout(1);
    // A database that is away answers within seconds: turns and /health fail fast, and retry.
    config.setConnectionTimeout(5_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageException(
          "open database " + redact(url), e.getCause() != null ? e.getCause() : e);
    }
    try {
      Migrations.bringUpToDate(pool);
      if (url.startsWith("jdbc:h2:")) {
        IdentityCaches.widen(pool);
      }
    } catch (StorageException e) {
      pool.close();
      throw e;
    }
    return new Database(pool, url);
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws; then
   * what it asked to run {@link Tx#afterCommit after the commit}.
   */
  public <T> T inTransaction(String operation, Function<Tx, T> work) {
    Tx tx;
    T result;
    try (Connection connection = pool.getConnection()) {
      tx = new Tx(connection);
      try {
        result = work.apply(tx);
        connection.commit();
      } catch (RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      } catch (SQLException e) {
        rollback(connection, e);
        throw new StorageException(operation + " (commit)", e);
      }
    } catch (SQLException e) {
      throw new StorageException(operation + " (connect)", e);
    }
    // With the connection back in the pool: the work may need one of its own.
    for (Runnable committed : tx.afterCommit()) {
      runCommitted(operation, committed);
    }
    return result;
  }

  /** Like {@link #inTransaction(String, Function)} for work that returns nothing. */
  public void useTransaction(String operation, Consumer<Tx> work) {
    inTransaction(
        operation,
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  /** Whether the database answers a trivial query now. */
  public boolean isReachable() {
    try (Connection connection = pool.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  public boolean isPostgres() {
    return postgres;
  }

  /** Whether the database lives inside this process (H2 file or memory): no other writer. */
  public boolean isEmbedded() {
    return embedded;
  }

  @Override
  public void close() {
    if (inMemory) {
      // An in-memory database kept open with DB_CLOSE_DELAY=-1 would outlive us: free it.
      try (Connection connection = pool.getConnection();
          var statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      } catch (SQLException e) {
        // already gone
      }
    }
    pool.close();
  }

  /** A JDBC URL with any password parameter blanked, fit for messages and logs. */
  public static String redact(String url) {
    return url == null ? null : url.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  /** Work after a commit must not make the committed transaction look failed to its caller. */
  private static void runCommitted(String operation, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      log.warn("{}: the work after the commit failed: {}", operation, e.getClass().getSimpleName());
    }
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
