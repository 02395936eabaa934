package dev.cfpbot.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database's schema up to date with Flyway — unless its history is exactly this build's
 * migrations, each applied with the checksum its script has now. Loading Flyway and scanning the
 * jar for scripts takes about a quarter of the bot's start-up, and nearly every start finds nothing
 * to do; but what Flyway's validation catches (a script changed after it was applied, one missing
 * from the database or from the build, a failed one) must still stop the start: any difference
 * sends the start to Flyway, which migrates or refuses with its own explanation.
 */
final class Migrations {
  private static final String LOCATION = "db/migration/";

  /**
   * This build's scripts in {@code db/migration}, in order; {@code MigrationTest} keeps them in
   * step.
   */
  static final List<String> SCRIPTS =
      List.of(
          "V1__cfp_schema.sql",
          "V2__inbound_queue.sql",
          "V3__submission_counters.sql",
          "V4__leases_and_queue_order.sql",
          "V5__callback_nonces.sql",
          "V6__upload_links.sql",
          "V7__answer_message_ids.sql",
          "V8__data_rights.sql",
          "V11__review.sql",
          "V12__agenda.sql");

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
   * Whether the history lists this build's scripts and nothing else, in order, each successful and
   * with the checksum Flyway would compute for it now. Anything else — no history yet, an older
   * schema, a newer one, a changed or missing script, a failed one — goes to Flyway.
   */
  static boolean upToDate(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "select \"type\", \"script\", \"checksum\", \"success\""
                      + " from \"flyway_schema_history\" where \"type\" <> 'TABLE'"
                      + " order by \"installed_rank\"")) {
        List<String> applied = new ArrayList<>();
        while (rows.next()) {
          applied.add(
              rows.getString(1)
                  + " "
                  + rows.getString(2)
                  + " "
                  + rows.getInt(3)
                  + " "
                  + rows.getBoolean(4));
        }
        return applied.equals(expected());
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

  /**
   * The history an up-to-date database has (besides the row Flyway adds when it creates the table):
   * each script, its checksum, and success.
   */
  private static List<String> expected() {
    List<String> rows = new ArrayList<>();
    for (String script : SCRIPTS) {
      // A script that cannot be read matches no history: Flyway says what is wrong with it.
      Integer checksum = checksum(script);
      rows.add("SQL " + script + " " + (checksum == null ? "unreadable" : checksum) + " true");
    }
    return rows;
  }

  /**
   * Flyway's checksum of a script ({@code ChecksumCalculator}): the CRC-32 of its lines' UTF-8
   * bytes without their line breaks, a byte order mark left out. {@code MigrationTest} checks it
   * against what Flyway records. Null when the script cannot be read.
   */
  static Integer checksum(String script) {
    CRC32 crc = new CRC32();
    try (InputStream in =
        Migrations.class.getClassLoader().getResourceAsStream(LOCATION + script)) {
      if (in == null) {
        return null;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null; line = reader.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      return null;
    }
    return (int) crc.getValue();
  }
}
