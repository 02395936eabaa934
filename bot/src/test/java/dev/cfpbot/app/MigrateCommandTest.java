package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.PostgresServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Moving from the H2 file to PostgreSQL with ./cfp-bot migrate, then exporting from PostgreSQL. */
@ExtendWith(StorageExtension.class)
class MigrateCommandTest {
  private final TestDatabases databases;

  MigrateCommandTest(TestDatabases databases) {
    this.databases = databases;
  }

  @TempDir Path dataDir;

  private String run(Map<String, String> extra, String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>();
    env.put("CFPBOT_CONFIG", TestBot.SHIPPED_CONFIG.toString());
    env.put("CFPBOT_DATA_DIR", dataDir.toString());
    env.putAll(extra);
    Io io =
        new Io(
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            Clock.fixed(Instant.parse("2027-10-20T04:00:00Z"), ZoneOffset.UTC));
    int exit = Main.run(io, args);
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void migrate_fromTheH2File_toPostgres_keepsTheSubmissions() {
    run(Map.of(), ConsoleEndToEndTest.HALF + ConsoleEndToEndTest.REST);
    PostgresServer.Database pg = databases.newPostgres();
    Map<String, String> onPostgres =
        Map.of(
            "CFPBOT_DB_URL",
            pg.url(),
            "CFPBOT_DB_USER",
            pg.user(),
            "CFPBOT_DB_PASSWORD",
            pg.password());

    String migrated =
        run(onPostgres, "", "migrate", "--from", "jdbc:h2:file:" + dataDir.resolve("cfpbot"));
    String export = run(onPostgres, "", "export", "--format", "csv");

    assertThat(migrated)
        .contains("  submissions: 1\n")
        .contains("cfp-bot: copied into jdbc:postgresql://");
    assertThat(export)
        .contains("\r\nGZ-01,gz-2027-10-docker,submitted,")
        .contains("从零到生产：我们的 Docker 迁移之路");
  }
}
