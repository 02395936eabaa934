package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.speaker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.domain.Speaker;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(StorageExtension.class)
class MigrationTest {
  private static final List<String> ALL_MIGRATIONS =
      List.of(
          "1 V1__cfp_schema.sql",
          "2 V2__inbound_queue.sql",
          "3 V3__submission_counters.sql",
          "4 V4__leases_and_queue_order.sql",
          "5 V5__callback_nonces.sql",
          "6 V6__upload_links.sql",
          "7 V7__answer_message_ids.sql",
          "8 V8__data_rights.sql",
          "11 V11__review.sql",
          "12 V12__agenda.sql");

  @Test
  void open_inMemory_createsEveryTable(TestDatabases databases) {
    try (Storage storage = databases.open()) {
      assertThat(tables(storage))
          .containsExactlyInAnyOrder(
              "AGENDA_PUBLICATIONS",
              "AGENDA_PUBLISHED",
              "AGENDA_SLOTS",
              "ANSWERS",
              "CALLBACK_NONCES",
              "CONVERSATIONS",
              "DECISION_NOTICES",
              "EVENT_PLACES",
              "INBOX",
              "INBOUND_QUEUE",
              "LEASES",
              "OUTBOX",
              "REVIEWERS",
              "REVIEWS",
              "SCHEDULE_RUNS",
              "SPEAKERS",
              "SPEAKER_NOTICES",
              "SUBMISSIONS",
              "SUBMISSION_COUNTERS",
              "SUBMISSION_HISTORY",
              "UPLOAD_LINKS",
              "flyway_schema_history");
      assertThat(appliedMigrations(storage)).containsExactlyElementsOf(ALL_MIGRATIONS);
    }
  }

  @Test
  void open_sameNamedDatabaseAgain_findsSchemaUpToDateAndSeesData() {
    String url = "jdbc:h2:mem:migration-" + UUID.randomUUID();
    Speaker speaker = speaker("sp-1", "telegram", "100");
    try (Storage first = Storage.open(url, "sa", "", 2)) {
      Fixtures.use(first, tx -> first.speakers().insert(tx, speaker));

      try (Storage second = Storage.open(url, "sa", "", 2)) {
        assertThat(appliedMigrations(second)).containsExactlyElementsOf(ALL_MIGRATIONS);
        assertThat(Fixtures.in(second, (Tx tx) -> second.speakers().get(tx, "sp-1")))
            .contains(speaker);
      }
    }
  }

  @Test
  void inMemory_twice_givesSeparateDatabases(TestDatabases databases) {
    try (Storage first = databases.open();
        Storage second = databases.open()) {
      Fixtures.use(first, tx -> first.speakers().insert(tx, speaker("sp-1", "telegram", "100")));

      assertThat(Fixtures.in(second, (Tx tx) -> second.speakers().get(tx, "sp-1"))).isEmpty();
    }
  }

  @Test
  void open_fileDatabaseClosedAndReopened_keepsData(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("cfp").toAbsolutePath();
    Speaker speaker = speaker("sp-1", "wechat", "openid-1");
    try (Storage first = Storage.open(url, "sa", "", 2)) {
      Fixtures.use(
          first,
          tx -> {
            first.speakers().insert(tx, speaker);
            first.inbox().record(tx, "wechat", "msg-1", BASE, "你好");
          });
    }
    assertThat(dir.resolve("cfp.mv.db")).exists();

    try (Storage second = Storage.open(url, "sa", "", 2)) {
      assertThat(appliedMigrations(second)).containsExactlyElementsOf(ALL_MIGRATIONS);
      assertThat(Fixtures.in(second, (Tx tx) -> second.speakers().get(tx, "sp-1")))
          .contains(speaker);
      assertThat(Fixtures.in(second, (Tx tx) -> second.inbox().find(tx, "wechat", "msg-1")))
          .contains(new InboxStore.Handled(BASE, "你好"));
    }
  }

  @Test
  void scripts_areEveryBundledScriptInVersionOrder() throws Exception {
    Path scripts = Path.of(MigrationTest.class.getResource("/db/migration").toURI());
    try (Stream<Path> files = Files.list(scripts)) {
      List<String> bundled =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.*\\.sql"))
              .sorted(
                  java.util.Comparator.comparingInt(
                      (String n) -> Integer.parseInt(n.substring(1, n.indexOf("__")))))
              .toList();
      assertThat(Migrations.SCRIPTS).containsExactlyElementsOf(bundled);
    }
  }

  @Test
  void checksum_ofEveryScript_isWhatFlywayRecords() {
    String url = "jdbc:h2:mem:checksums-" + UUID.randomUUID();
    try (Storage storage = Storage.open(url, "sa", "", 2)) {
      List<String> recorded =
          Fixtures.in(
              storage,
              tx ->
                  tx.list(
                      "list checksums",
                      "select \"script\", \"checksum\" from \"flyway_schema_history\""
                          + " where \"version\" is not null order by \"installed_rank\"",
                      row -> row.getString(1) + " " + row.getInt(2)));
      assertThat(recorded)
          .containsExactlyElementsOf(
              Migrations.SCRIPTS.stream().map(s -> s + " " + Migrations.checksum(s)).toList());
    }
  }

  @Test
  void open_afterAScriptChangedSinceItWasApplied_isRefusedWithFlywaysExplanation(
      @TempDir Path dir) {
    assertRefusedAfter(
        dir,
        "update \"flyway_schema_history\" set \"checksum\" = \"checksum\" + 1 where \"version\" = '3'",
        "Migration checksum mismatch for migration version 3");
  }

  @Test
  void open_withABundledScriptMissingFromTheHistory_isRefusedWithFlywaysExplanation(
      @TempDir Path dir) {
    assertRefusedAfter(
        dir,
        "delete from \"flyway_schema_history\" where \"version\" = '5'",
        "Detected resolved migration not applied to database: 5");
  }

  @Test
  void open_withAnAppliedScriptThisBuildDoesNotHave_isRefusedWithFlywaysExplanation(
      @TempDir Path dir) {
    assertRefusedAfter(
        dir,
        "insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
            + " \"success\") values (100, '9', 'gone', 'SQL', 'V9__gone.sql', 1, 'sa', 1, true)",
        "Detected applied migration not resolved locally: 9");
  }

  /**
   * A database made by this build, its history then changed behind the bot's back ({@code sql}, as
   * an edited script or a lost row would): the next open must fail with Flyway's {@code reason}.
   */
  private static void assertRefusedAfter(Path dir, String sql, String reason) {
    String url = "jdbc:h2:file:" + dir.resolve("cfp").toAbsolutePath();
    Storage.open(url, "sa", "", 2).close();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
        java.sql.Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }

    assertThatThrownBy(() -> Storage.open(url, "sa", "", 2))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("migrate database schema")
        .rootCause()
        .hasMessageContaining(reason);
  }

  @Test
  void open_databaseAtAnOlderVersion_isMigratedToTheLatest() {
    String url = "jdbc:h2:mem:older-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .target("3")
        .load()
        .migrate();

    try (Storage storage = Storage.open(url, "sa", "", 2)) {
      assertThat(appliedMigrations(storage)).containsExactlyElementsOf(ALL_MIGRATIONS);
    }
  }

  @Test
  void upToDate_newOlderAndCurrentDatabases_isTrueOnlyForTheCurrent() {
    String url = "jdbc:h2:mem:uptodate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    assertThat(Migrations.upToDate(dataSource)).isFalse();

    Flyway.configure().dataSource(dataSource).target("3").load().migrate();
    assertThat(Migrations.upToDate(dataSource)).isFalse();

    Migrations.bringUpToDate(dataSource);
    assertThat(Migrations.upToDate(dataSource)).isTrue();
  }

  private static List<String> tables(Storage storage) {
    return Fixtures.in(
        storage,
        tx ->
            tx.list(
                "list tables",
                "select table_name from information_schema.tables"
                    + " where lower(table_schema) = 'public' and table_type in ('TABLE', 'BASE TABLE')",
                row ->
                    row.getString(1).equals("flyway_schema_history")
                        ? row.getString(1)
                        : row.getString(1).toUpperCase(java.util.Locale.ROOT)));
  }

  private static List<String> appliedMigrations(Storage storage) {
    return Fixtures.in(
        storage,
        tx ->
            tx.list(
                "list migrations",
                "select \"version\", \"script\" from \"flyway_schema_history\""
                    + " where \"success\" and \"version\" is not null order by \"installed_rank\"",
                row -> row.getString(1) + " " + row.getString(2)));
  }
}
