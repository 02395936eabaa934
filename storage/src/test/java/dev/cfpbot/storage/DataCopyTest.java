package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Moving a bot's data from its H2 file to another database (PostgreSQL in the second run). */
@ExtendWith(StorageExtension.class)
class DataCopyTest {

  private static void fill(Storage s) {
    Fixtures.use(
        s,
        tx -> {
          s.speakers().insert(tx, new Speaker("sp-1", "telegram", "1001", "张三", "zh", true, BASE));
          s.submissions().insertDraft(tx, "s-1", "gz", "sp-1", BASE);
          s.answers().put(tx, "s-1", Answer.text("title", "从零到生产 🐳"), false, BASE);
          s.submissions().nextNumber(tx, "gz");
          s.submissions()
              .changeState(
                  tx,
                  "s-1",
                  SubmissionState.DRAFT,
                  SubmissionState.SUBMITTED,
                  1,
                  "GZ-01",
                  "speaker",
                  null,
                  BASE);
          s.outbox().enqueue(tx, "m-1", "telegram", "1001", "reply", "{}", BASE, BASE);
          s.inbox().record(tx, "telegram", "u1", BASE, null);
        });
  }

  @Test
  void copy_movesEveryRow_andNewRowsFollowTheCopiedIds(TestDatabases databases) {
    try (Storage from = Storage.inMemory();
        Storage to = databases.open()) {
      fill(from);

      Map<String, Integer> counts = DataCopy.copy(from.database(), to.database());

      assertThat(counts)
          .containsEntry("speakers", 1)
          .containsEntry("submissions", 1)
          .containsEntry("answers", 1)
          .containsEntry("submission_history", 2)
          .containsEntry("submission_counters", 1)
          .containsEntry("outbox", 1)
          .containsEntry("inbox", 1);
      assertThat(Fixtures.in(to, (Tx tx) -> to.answers().answers(tx, "s-1", false).get("title")))
          .isEqualTo(Answer.text("title", "从零到生产 🐳"));
      assertThat(Fixtures.in(to, (Tx tx) -> to.submissions().get(tx, "s-1").orElseThrow().code()))
          .isEqualTo("GZ-01");
      assertThat(Fixtures.in(to, (Tx tx) -> to.submissions().nextNumber(tx, "gz"))).isEqualTo(2);
      Fixtures.use(
          to, tx -> to.outbox().enqueue(tx, "m-2", "telegram", "1001", "reply", "{}", BASE, BASE));
      assertThat(Fixtures.in(to, (Tx tx) -> to.outbox().listByRecipient(tx, "telegram", "1001")))
          .extracting(m -> m.id())
          .containsExactly("m-1", "m-2");
    }
  }

  @Test
  void copy_intoADatabaseWithData_isRefused(TestDatabases databases) {
    try (Storage from = Storage.inMemory();
        Storage to = databases.open()) {
      fill(from);
      fill(to);

      assertThatThrownBy(() -> DataCopy.copy(from.database(), to.database()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the target database already has data: copy into an empty one");
    }
  }
}
