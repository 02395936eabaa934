package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.rows.OutboxMessage;
import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages written for later (a decision that waits out its delay): they go when due, hold back
 * nothing written after them, and can be taken back until they are first tried.
 */
@ExtendWith(StorageExtension.class)
class OutboxScheduledTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Instant LATER = BASE.plus(Duration.ofMinutes(10));

  private Storage storage;
  private OutboxStore outbox;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    outbox = storage.outbox();
  }

  private void enqueue(String id, String recipient, Instant dueAt) {
    use(storage, tx -> outbox.enqueue(tx, id, "telegram", recipient, "reply", "{}", dueAt, BASE));
  }

  private List<String> claim(String owner, Instant now) {
    return in(storage, (Tx tx) -> outbox.claimDue(tx, List.of("telegram"), owner, now, LEASE, 10))
        .stream()
        .map(OutboxMessage::id)
        .toList();
  }

  @Test
  void scheduledMessage_doesNotHoldBackLaterRepliesToTheSameRecipient() {
    enqueue("decision", "alice", LATER);
    enqueue("reply", "alice", BASE);

    assertThat(claim("a", BASE)).containsExactly("reply");
  }

  @Test
  void scheduledMessage_goesWhenDue_beforeWhatWasWrittenAfterIt() {
    enqueue("decision", "alice", LATER);
    enqueue("reply", "alice", LATER);

    assertThat(claim("a", LATER)).containsExactly("decision");
  }

  @Test
  void heldMessage_triedBefore_stillHoldsBackTheRecipientsLaterMessages() {
    enqueue("held", "alice", BASE);
    claim("a", BASE);
    use(storage, tx -> outbox.retryLater(tx, seq("held"), LATER, "45015"));
    enqueue("reply", "alice", BASE);

    assertThat(claim("b", BASE.plusSeconds(1))).isEmpty();
  }

  @Test
  void wakeHeld_leavesScheduledMessagesWhereTheyAre() {
    enqueue("decision", "alice", LATER);

    int woken = in(storage, (Tx tx) -> outbox.wakeHeld(tx, "telegram", "alice", BASE));

    assertThat(woken).isZero();
    assertThat(claim("a", BASE)).isEmpty();
  }

  @Test
  void cancelUnsent_deletesEveryPartWhileTheFirstWasNeverTried() {
    enqueue("part-1", "alice", LATER);
    enqueue("part-2", "alice", LATER);

    boolean cancelled =
        in(storage, (Tx tx) -> outbox.cancelUnsent(tx, List.of("part-1", "part-2")));

    assertThat(cancelled).isTrue();
    assertThat(claim("a", LATER.plusSeconds(1))).isEmpty();
  }

  @Test
  void cancelUnsent_refusesOnceTheFirstPartWasClaimed() {
    enqueue("part-1", "alice", BASE);
    enqueue("part-2", "alice", BASE);
    assertThat(claim("a", BASE)).containsExactly("part-1");

    boolean cancelled =
        in(storage, (Tx tx) -> outbox.cancelUnsent(tx, List.of("part-1", "part-2")));

    assertThat(cancelled).isFalse();
    assertThat(in(storage, (Tx tx) -> outbox.countUnsent(tx, null))).isEqualTo(2);
  }

  @Test
  void countDue_leavesOutMessagesNotDueYet() {
    enqueue("decision", "alice", LATER);
    enqueue("reply", "bob", BASE);

    assertThat(in(storage, (Tx tx) -> outbox.countDue(tx, "telegram", BASE))).isEqualTo(1);
    assertThat(in(storage, (Tx tx) -> outbox.countDue(tx, "telegram", LATER))).isEqualTo(2);
  }

  private long seq(String id) {
    return in(
        storage,
        tx ->
            tx.first("seq", "select seq from outbox where id = ?", row -> row.getLong(1), id)
                .orElseThrow());
  }
}
