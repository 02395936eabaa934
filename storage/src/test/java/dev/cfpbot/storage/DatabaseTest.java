package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.speaker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class DatabaseTest {
  private Storage storage;
  private Database database;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    database = storage.database();
  }

  @Test
  void inTransaction_whenWorkReturns_commitsAndReturnsItsResult() {
    String result =
        database.inTransaction(
            "add speaker",
            tx -> {
              storage.speakers().insert(tx, speaker("sp-1", "telegram", "100"));
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(Fixtures.in(storage, (Tx tx) -> storage.speakers().get(tx, "sp-1")))
        .contains(speaker("sp-1", "telegram", "100"));
  }

  @Test
  void inTransaction_whenWorkThrows_rollsBackEverythingWrittenInIt() {
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                database.useTransaction(
                    "add speaker and message",
                    tx -> {
                      storage.speakers().insert(tx, speaker("sp-1", "telegram", "100"));
                      storage.inbox().record(tx, "telegram", "u-1", BASE, "hi");
                      storage.schedules().claimRun(tx, "digest", BASE, BASE);
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(Fixtures.in(storage, (Tx tx) -> storage.speakers().get(tx, "sp-1"))).isEmpty();
    assertThat(Fixtures.in(storage, (Tx tx) -> storage.inbox().find(tx, "telegram", "u-1")))
        .isEmpty();
    assertThat(Fixtures.in(storage, (Tx tx) -> storage.schedules().lastRun(tx, "digest")))
        .isEmpty();
  }

  @Test
  void inTransaction_whenStatementFails_throwsStorageExceptionNamingOperation() {
    assertThatThrownBy(
            () ->
                database.useTransaction(
                    "test", tx -> tx.update("read nothing", "select * from no_such_table")))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.operation()).isEqualTo("read nothing");
              assertThat(e.getMessage()).startsWith("read nothing failed: ");
              assertThat(e.isUniqueViolation()).isFalse();
              assertThat(e.isUnavailable()).isFalse();
            });
  }

  @Test
  void isReachable_openDatabase_isTrueAndClosedDatabase_isFalse() {
    assertThat(database.isReachable()).isTrue();
    assertThat(database.isPostgres()).isEqualTo(TestDatabases.postgres());

    storage.close();

    assertThat(database.isReachable()).isFalse();
  }

  @Test
  void identityColumns_onH2_takeValuesFromACacheOf4096_onPostgres_fromTheDefaultOfOne() {
    List<Long> caches =
        Fixtures.in(
            storage,
            (Tx tx) ->
                tx.list(
                    "identity caches",
                    TestDatabases.postgres()
                        ? "select cache_size from pg_sequences where schemaname = 'public'"
                        : "select identity_cache from information_schema.columns"
                            + " where table_schema = 'PUBLIC' and is_identity = 'YES'",
                    row -> row.getLong(1)));

    // outbox, inbound_queue, submission_history, decision_notices
    assertThat(caches)
        .containsExactly(
            TestDatabases.postgres()
                ? new Long[] {1L, 1L, 1L, 1L}
                : new Long[] {4096L, 4096L, 4096L, 4096L});
  }

  @Test
  void open_unusableUrl_throwsStorageExceptionWithRedactedUrl() {
    String url = "jdbc:h2:mem:bad-" + UUID.randomUUID() + ";PASSWORD=s3cret;NO_SUCH_SETTING=1";

    assertThatThrownBy(() -> Database.open(url, null, null, 1))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.operation()).isEqualTo("open database " + Database.redact(url));
              assertThat(e.getMessage()).contains("PASSWORD=***").doesNotContain("s3cret");
            });
  }

  @Test
  void redact_passwordInQueryString_isHidden() {
    assertThat(Database.redact("jdbc:postgresql://db/cfp?user=bot&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/cfp?user=bot&password=***&ssl=true");
  }

  @Test
  void redact_h2PasswordSettingInAnyCase_isHidden() {
    assertThat(Database.redact("jdbc:h2:file:./data/cfp;PASSWORD=s3cret;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:file:./data/cfp;PASSWORD=***;MODE=PostgreSQL");
  }

  @Test
  void redact_urlWithoutPassword_isUnchanged() {
    assertThat(Database.redact("jdbc:h2:mem:cfp;DB_CLOSE_DELAY=-1"))
        .isEqualTo("jdbc:h2:mem:cfp;DB_CLOSE_DELAY=-1");
    assertThat(Database.redact(null)).isNull();
  }

  @Test
  void afterCommit_runsOnceCommitted_seeingTheCommittedRows() {
    java.util.List<Boolean> seen = new java.util.ArrayList<>();

    database.useTransaction(
        "add speaker",
        tx -> {
          storage.speakers().insert(tx, speaker("sp-1", "telegram", "100"));
          tx.afterCommit(
              () ->
                  seen.add(
                      Fixtures.in(storage, (Tx other) -> storage.speakers().get(other, "sp-1"))
                          .isPresent()));
        });

    assertThat(seen).containsExactly(true);
  }

  @Test
  void afterCommit_neverRunsWhenTheTransactionRollsBack() {
    java.util.List<String> ran = new java.util.ArrayList<>();

    assertThatThrownBy(
            () ->
                database.useTransaction(
                    "fail",
                    tx -> {
                      tx.afterCommit(() -> ran.add("ran"));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(ran).isEmpty();
  }

  @Test
  void afterCommit_aFailingStep_neitherHidesTheResultNorStopsTheNextStep() {
    java.util.List<String> ran = new java.util.ArrayList<>();

    String result =
        database.inTransaction(
            "two steps",
            tx -> {
              tx.afterCommit(
                  () -> {
                    throw new IllegalStateException("disk full");
                  });
              tx.afterCommit(() -> ran.add("second"));
              return "committed";
            });

    assertThat(result).isEqualTo("committed");
    assertThat(ran).containsExactly("second");
  }

  @Test
  void attempt_thatFails_undoesOnlyItsOwnStatements_andTheTransactionCommitsTheRest() {
    java.util.List<String> ran = new java.util.ArrayList<>();
    IllegalStateException failure = new IllegalStateException("boom");

    database.useTransaction(
        "speaker, then a part that fails",
        tx -> {
          storage.speakers().insert(tx, speaker("sp-1", "telegram", "100"));
          tx.afterCommit(() -> ran.add("before"));
          assertThatThrownBy(
                  () ->
                      tx.attempt(
                          "inbox record",
                          () -> {
                            storage.inbox().record(tx, "telegram", "u-1", BASE, "hi");
                            tx.afterCommit(() -> ran.add("inside"));
                            throw failure;
                          }))
              .isSameAs(failure);
          tx.attempt(
              "another speaker",
              () -> storage.speakers().insert(tx, speaker("sp-2", "telegram", "200")));
        });

    assertThat(Fixtures.in(storage, (Tx tx) -> storage.speakers().get(tx, "sp-1"))).isPresent();
    assertThat(Fixtures.in(storage, (Tx tx) -> storage.speakers().get(tx, "sp-2"))).isPresent();
    assertThat(Fixtures.in(storage, (Tx tx) -> storage.inbox().find(tx, "telegram", "u-1")))
        .isEmpty();
    assertThat(ran).containsExactly("before");
  }

  @Test
  void attempt_whoseStatementFails_leavesTheTransactionUsable() {
    database.useTransaction(
        "a failed statement, then a speaker",
        tx -> {
          assertThatThrownBy(
                  () ->
                      tx.attempt(
                          "bad statement",
                          () -> tx.update("read nothing", "select * from no_such_table")))
              .isInstanceOf(StorageException.class);
          storage.speakers().insert(tx, speaker("sp-1", "telegram", "100"));
        });

    assertThat(Fixtures.in(storage, (Tx tx) -> storage.speakers().get(tx, "sp-1")))
        .contains(speaker("sp-1", "telegram", "100"));
  }
}
