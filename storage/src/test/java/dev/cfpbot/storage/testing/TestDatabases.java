package dev.cfpbot.storage.testing;

import dev.cfpbot.storage.Storage;
import dev.cfpbot.testkit.PostgresServer;
import java.util.ArrayList;
import java.util.List;

/**
 * The databases of one test, each fresh and empty; every storage opened here is closed after the
 * test. What {@link StorageExtension} gives a test that asks for more than one {@link Storage}.
 */
public final class TestDatabases implements AutoCloseable {
  /** {@code -Dcfpbot.test.database=postgres}: the build's second run of the storage suite. */
  private static final String PROPERTY = "cfpbot.test.database";

  private final List<Storage> opened = new ArrayList<>();

  TestDatabases() {}

  /** Whether {@link #open()} gives PostgreSQL rather than in-memory H2 in this run. */
  public static boolean postgres() {
    return "postgres".equals(System.getProperty(PROPERTY));
  }

  /**
   * A fresh, empty database: in-memory H2, or — when the build runs the suite with {@code
   * -Dcfpbot.test.database=postgres} — a new database on the embedded PostgreSQL.
   */
  public Storage open() {
    if (!postgres()) {
      return keep(Storage.inMemory());
    }
    return open(PostgresServer.newDatabase());
  }

  /**
   * A new database on the embedded PostgreSQL whatever the run: for what only a server shows
   * (several instances on one database, a restart, the real application as its own process).
   */
  public PostgresServer.Database newPostgres() {
    return PostgresServer.newDatabase();
  }

  /** A storage on {@code database}: one more instance of the bot on a shared database. */
  public Storage open(PostgresServer.Database database) {
    return keep(Storage.open(database.url(), database.user(), database.password(), 4));
  }

  private Storage keep(Storage storage) {
    opened.add(storage);
    return storage;
  }

  @Override
  public void close() {
    // The last opened first: a second instance goes before the database it shares.
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    opened.clear();
  }
}
