package dev.cfpbot.storage;

import dev.cfpbot.testkit.PostgresServer;

/**
 * A fresh, empty database for one test: in-memory H2, or — when the build runs the suite with
 * {@code -Dcfpbot.test.database=postgres} — a new database on an embedded PostgreSQL.
 */
final class TestStorage {
  private TestStorage() {}

  static boolean postgres() {
    return "postgres".equals(System.getProperty("cfpbot.test.database"));
  }

  static Storage open() {
    if (!postgres()) {
      return Storage.inMemory();
    }
    PostgresServer.Database db = PostgresServer.newDatabase();
    return Storage.open(db.url(), db.user(), db.password(), 4);
  }
}
