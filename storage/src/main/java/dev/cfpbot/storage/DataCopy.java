package dev.cfpbot.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every row of one database into another with the same schema (both migrated by the same
 * Flyway scripts): how an H2 file moves to PostgreSQL. Tables go in an order that satisfies the
 * foreign keys; identity columns keep their values and the target's sequences are moved past them.
 */
public final class DataCopy {
  /** Parents before children. */
  static final List<String> TABLES =
      List.of(
          "speakers",
          "conversations",
          "submissions",
          "answers",
          "upload_links",
          "submission_history",
          "submission_counters",
          "inbox",
          "outbox",
          "inbound_queue",
          "schedule_runs",
          "leases",
          "reviewers",
          "reviews",
          "decision_notices",
          "agenda_slots",
          "agenda_published",
          "agenda_publications",
          "speaker_notices",
          "event_places");

  /** Tables with an identity column, and that column. */
  private static final Map<String, String> IDENTITIES =
      Map.of(
          "submission_history", "id",
          "outbox", "seq",
          "inbound_queue", "seq",
          "decision_notices", "id");

  private DataCopy() {}

  /**
   * Copies everything from {@code from} into {@code to}, which must hold no submissions yet.
   * Returns the number of rows copied per table.
   *
   * @throws IllegalStateException when the target already has data
   */
  public static Map<String, Integer> copy(Database from, Database to) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    to.useTransaction(
        "copy data",
        target -> {
          if (target.count("look for data in the target", "select count(*) from speakers") > 0) {
            throw new IllegalStateException(
                "the target database already has data: copy into an empty one");
          }
          from.useTransaction(
              "read data to copy",
              source -> {
                for (String table : TABLES) {
                  counts.put(table, copyTable(source.connection(), target.connection(), table));
                }
              });
          if (to.isPostgres()) {
            for (String table : IDENTITIES.keySet()) {
              String column = IDENTITIES.get(table);
              target.first(
                  "move the " + table + " sequence",
                  "select setval(pg_get_serial_sequence('"
                      + table
                      + "', '"
                      + column
                      + "'),"
                      + " coalesce((select max("
                      + column
                      + ") from "
                      + table
                      + "), 0) + 1, false)",
                  row -> row.getLong(1));
            }
          } else {
            for (String table : IDENTITIES.keySet()) {
              String column = IDENTITIES.get(table);
              long next =
                  target.count(
                      "find the next " + table + " id",
                      "select coalesce(max(" + column + "), 0) + 1 from " + table);
              target.update(
                  "move the " + table + " identity",
                  "alter table " + table + " alter column " + column + " restart with " + next);
            }
          }
        });
    return counts;
  }

  private static int copyTable(Connection source, Connection target, String table) {
    try (Statement read = source.createStatement();
        ResultSet rows = read.executeQuery("select * from " + table)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
      }
      String sql =
          "insert into "
              + table
              + " ("
              + String.join(", ", columns)
              + ") values ("
              + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
              + ")";
      int count = 0;
      try (PreparedStatement write = target.prepareStatement(sql)) {
        while (rows.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            write.setObject(i, rows.getObject(i));
          }
          write.addBatch();
          if (++count % 500 == 0) {
            write.executeBatch();
          }
        }
        write.executeBatch();
      }
      return count;
    } catch (SQLException e) {
      throw new StorageException("copy table " + table, e);
    }
  }
}
