package dev.cfpbot.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * H2 hands out identity values (the outbox's and the inbound queue's {@code seq}, the histories'
 * ids) from a cache of 32, and each time a cache runs out it writes the sequence's new high mark to
 * the schema and commits that on its own: one more store of every changed page, every 32 outbox
 * messages — 7 % of the turn thread's CPU in a burst (README, Performance, fifth round). A cache of
 * 4,096 makes that rare. H2 keeps one cache per database, so values still rise in the order they
 * are taken, and a crash only skips what was left of the cache. Only on H2: PostgreSQL keeps a
 * cache per session, which would hand out values out of order across connections (and its sequences
 * cost nothing like this), so it keeps its default of 1.
 */
final class IdentityCaches {
  static final long SIZE = 4096;

  private IdentityCaches() {}

  /** Sets every identity column's cache to {@link #SIZE}, where it is smaller (once per file). */
  static void widen(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      List<String> narrow = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "select table_name, column_name from information_schema.columns"
                  + " where table_schema = 'PUBLIC' and is_identity = 'YES'"
                  + " and identity_cache < "
                  + SIZE)) {
        while (rows.next()) {
          narrow.add(
              "alter table \""
                  + rows.getString(1)
                  + "\" alter column \""
                  + rows.getString(2)
                  + "\" set cache "
                  + SIZE);
        }
      }
      for (String alter : narrow) {
        statement.execute(alter);
      }
      connection.commit();
    } catch (SQLException e) {
      throw new StorageException("widen identity caches", e);
    }
  }
}
