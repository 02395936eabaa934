package dev.cfpbot.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database's schema up to date with Flyway — unless its history already ends with this
 * build's newest migration. Loading Flyway and scanning for scripts takes about a quarter of the
 * bot's start-up, and nearly every start finds nothing to do.
 */
final class Migrations {
  /** The newest script in {@code db/migration}; {@code MigrationTest} keeps the two in step. */
  static final String LATEST = "12";

  private Migrations() {}

  static void bringUpToDate(DataSource dataSource) {
    if (upToDate(dataSource)) {
      return;
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StorageException("migrate database schema", e);
    }
  }

  /**
   * Whether the last migration applied is this build's newest, and succeeded. Anything else — no
   * history yet, an older schema, a newer one, a failed script — goes to Flyway, which migrates or
   * explains.
   */
  static boolean upToDate(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      try (Statement statement = connection.createStatement();
          ResultSet last =
              statement.executeQuery(
                  "select \"version\", \"success\" from \"flyway_schema_history\""
                      + " order by \"installed_rank\" desc limit 1")) {
        return last.next() && LATEST.equals(last.getString(1)) && last.getBoolean(2);
      } catch (SQLException e) {
        // No history table yet: a new database.
        return false;
      } finally {
        // PostgreSQL keeps a failed statement's transaction aborted until it is rolled back.
        connection.rollback();
      }
    } catch (SQLException e) {
      // Not reachable: Flyway tries, and says what is wrong.
      return false;
    }
  }
}
