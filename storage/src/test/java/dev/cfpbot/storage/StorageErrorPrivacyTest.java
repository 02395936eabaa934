package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfpbot.domain.Speaker;
import dev.cfpbot.storage.testing.StorageExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A failed statement's values never leave the storage layer in an error: its message, its causes
 * and the stack trace a log line would print name the operation and the SQL state only.
 */
@ExtendWith(StorageExtension.class)
class StorageErrorPrivacyTest {
  /** Recognisable values, standing for a speaker's Telegram id and name. */
  private static final String PLATFORM_ID = "4242424242";

  private static final String NAME = "Zhang LeakCheck";

  private Storage storage;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
  }

  private static String printed(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  @Test
  void uniqueViolation_namesOperationAndSqlState_withoutTheValues() {
    Speaker first = new Speaker("sp-1", "telegram", PLATFORM_ID, NAME, "zh", true, BASE);
    Speaker second = new Speaker("sp-2", "telegram", PLATFORM_ID, NAME, "zh", true, BASE);
    Fixtures.use(storage, tx -> storage.speakers().insert(tx, first));

    StorageException e =
        catchThrowableOfType(
            StorageException.class,
            () -> Fixtures.use(storage, tx -> storage.speakers().insert(tx, second)));

    assertThat(e.isUniqueViolation()).isTrue();
    assertThat(e.sqlState()).isEqualTo("23505");
    assertThat(e.getMessage()).startsWith("insert speaker failed: SQL state 23505, error code ");
    assertThat(printed(e)).doesNotContain(PLATFORM_ID).doesNotContain(NAME);
    assertThat(e.getCause()).isInstanceOf(SQLException.class).hasNoCause();
  }

  @Test
  void valueTooLong_namesOperationAndSqlState_withoutTheValue() {
    String tooLong = "13800138000".repeat(30);
    Speaker speaker = new Speaker("sp-1", "telegram", tooLong, NAME, "zh", true, BASE);

    StorageException e =
        catchThrowableOfType(
            StorageException.class,
            () -> Fixtures.use(storage, tx -> storage.speakers().insert(tx, speaker)));

    assertThat(e.sqlState()).isEqualTo("22001");
    assertThat(e.getMessage()).startsWith("insert speaker failed: SQL state 22001, error code ");
    assertThat(printed(e)).doesNotContain("13800138000").doesNotContain(NAME);
  }
}
