package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.storage.rows.Conversation;
import dev.cfpbot.storage.testing.StorageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class ConversationStoreTest {
  private Storage storage;
  private ConversationStore conversations;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    conversations = storage.conversations();
    Fixtures.insertSpeaker(storage, "sp-1");
  }

  private static Conversation state(String step, int failures, long version) {
    return new Conversation(
        "sp-1", step, "gz-2027", "title", "sub-1", failures, false, version, BASE);
  }

  @Test
  void find_withoutSavedState_returnsEmpty() {
    assertThat(in(storage, (Tx tx) -> conversations.find(tx, "sp-1"))).isEmpty();
  }

  @Test
  void save_withExpectedVersionMinusOne_insertsAtVersionZero() {
    Conversation saved = in(storage, (Tx tx) -> conversations.save(tx, state("ASKING", 0, 99), -1));

    assertThat(saved).isEqualTo(state("ASKING", 0, 0));
    assertThat(in(storage, (Tx tx) -> conversations.find(tx, "sp-1")))
        .contains(state("ASKING", 0, 0));
  }

  @Test
  void save_withReturnedVersion_updatesAndIncrementsVersion() {
    Conversation first = in(storage, (Tx tx) -> conversations.save(tx, state("ASKING", 0, 0), -1));
    Conversation next =
        new Conversation(
            "sp-1", "REVIEW", null, null, "sub-1", 2, true, first.version(), BASE.plusSeconds(60));

    Conversation saved = in(storage, (Tx tx) -> conversations.save(tx, next, first.version()));

    Conversation expected =
        new Conversation("sp-1", "REVIEW", null, null, "sub-1", 2, true, 1, BASE.plusSeconds(60));
    assertThat(saved).isEqualTo(expected);
    assertThat(in(storage, (Tx tx) -> conversations.find(tx, "sp-1"))).contains(expected);
  }

  @Test
  void save_withStaleVersion_throwsConcurrentUpdate() {
    Conversation first = in(storage, (Tx tx) -> conversations.save(tx, state("ASKING", 0, 0), -1));
    Conversation second = in(storage, (Tx tx) -> conversations.save(tx, state("ASKING", 1, 0), 0));

    assertThatThrownBy(
            () ->
                use(storage, tx -> conversations.save(tx, state("REVIEW", 0, 0), first.version())))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessage("save conversation failed: the conversation was changed by someone else");
    assertThat(in(storage, (Tx tx) -> conversations.find(tx, "sp-1"))).contains(second);
  }

  @Test
  void save_insertTwiceWithMinusOne_throwsConcurrentUpdate() {
    use(storage, tx -> conversations.save(tx, state("ASKING", 0, 0), -1));

    assertThatThrownBy(() -> use(storage, tx -> conversations.save(tx, state("REVIEW", 0, 0), -1)))
        .isInstanceOfSatisfying(
            ConcurrentUpdateException.class,
            e -> {
              assertThat(e.operation()).isEqualTo("save conversation");
              assertThat(e.isUniqueViolation()).isFalse();
            });
    assertThat(in(storage, (Tx tx) -> conversations.find(tx, "sp-1")))
        .contains(state("ASKING", 0, 0));
  }

  @Test
  void save_withVersionButNothingSaved_throwsConcurrentUpdate() {
    assertThatThrownBy(() -> use(storage, tx -> conversations.save(tx, state("ASKING", 0, 0), 0)))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(in(storage, (Tx tx) -> conversations.find(tx, "sp-1"))).isEmpty();
  }
}
