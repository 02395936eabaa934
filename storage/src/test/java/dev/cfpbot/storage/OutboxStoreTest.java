package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfpbot.storage.rows.OutboxMessage;
import dev.cfpbot.storage.rows.OutboxState;
import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class OutboxStoreTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final List<String> ALL = List.of("telegram", "wechat");

  private Storage storage;
  private OutboxStore outbox;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    outbox = storage.outbox();
  }

  private void enqueue(String id, String channel, String recipient, Instant dueAt) {
    use(
        storage,
        tx ->
            outbox.enqueue(
                tx, id, channel, recipient, "reply", "{\"text\":\"" + id + "\"}", dueAt, dueAt));
  }

  private List<OutboxMessage> claim(String owner, Instant now) {
    return claim(ALL, owner, now, 10);
  }

  private List<OutboxMessage> claim(List<String> channels, String owner, Instant now, int limit) {
    return in(storage, (Tx tx) -> outbox.claimDue(tx, channels, owner, now, LEASE, limit));
  }

  private long seq(String id) {
    return in(
        storage,
        tx ->
            tx.first("seq", "select seq from outbox where id = ?", row -> row.getLong(1), id)
                .orElseThrow());
  }

  private String column(String id, String column) {
    return in(
        storage,
        tx ->
            tx.first(
                    "read",
                    "select " + column + " from outbox where id = ?",
                    row -> row.getString(1),
                    id)
                .orElseThrow());
  }

  @Test
  void claimDue_returnsClaimedMessageWithAllFields() {
    use(
        storage,
        tx ->
            outbox.enqueue(
                tx,
                "m-1",
                "telegram",
                "100",
                "digest",
                "{\"text\":\"日报 📊\"}",
                BASE,
                BASE.minusSeconds(5)));

    List<OutboxMessage> claimed = claim("sender-a", BASE);

    assertThat(claimed)
        .containsExactly(
            new OutboxMessage(
                seq("m-1"),
                "m-1",
                "telegram",
                "100",
                "digest",
                "{\"text\":\"日报 📊\"}",
                OutboxState.SENDING,
                1,
                BASE,
                BASE.minusSeconds(5)));
    assertThat(column("m-1", "claimed_by")).isEqualTo("sender-a");
    assertThat(in(storage, (Tx tx) -> outbox.listByRecipient(tx, "telegram", "100")))
        .containsExactlyElementsOf(claimed);
  }

  @Test
  void claimDue_notYetDue_isNotClaimed() {
    enqueue("m-1", "telegram", "100", BASE.plusSeconds(60));

    assertThat(claim("a", BASE.plusSeconds(59))).isEmpty();
    assertThat(claim("a", BASE.plusSeconds(60)))
        .extracting(OutboxMessage::id)
        .containsExactly("m-1");
  }

  @Test
  void claimDue_sameRecipient_claimsOnlyOldestUntilItIsSent() {
    enqueue("m-1", "telegram", "100", BASE);
    enqueue("m-2", "telegram", "100", BASE);

    assertThat(claim("a", BASE)).extracting(OutboxMessage::id).containsExactly("m-1");
    assertThat(claim("b", BASE.plusSeconds(1))).isEmpty();

    use(storage, tx -> outbox.markSent(tx, seq("m-1"), "tg-555", BASE.plusSeconds(2)));

    assertThat(claim("b", BASE.plusSeconds(3)))
        .extracting(OutboxMessage::id, OutboxMessage::attempts)
        .containsExactly(tuple("m-2", 1));
    assertThat(column("m-1", "state")).isEqualTo("SENT");
    assertThat(column("m-1", "platform_id")).isEqualTo("tg-555");
  }

  @Test
  void markSent_dropsTheCopyOfWhatItSaid_andKeepsWhatItWas() {
    enqueue("m-1", "telegram", "100", BASE);
    enqueue("m-2", "telegram", "200", BASE);
    claim("a", BASE);

    use(storage, tx -> outbox.markSent(tx, seq("m-1"), "tg-7", BASE.plusSeconds(1)));

    assertThat(column("m-1", "payload")).isEmpty();
    assertThat(column("m-1", "kind")).isEqualTo("reply");
    assertThat(column("m-1", "platform_id")).isEqualTo("tg-7");
    assertThat(column("m-2", "payload")).isEqualTo("{\"text\":\"m-2\"}");
  }

  @Test
  void claimDue_differentRecipients_areClaimedTogetherInOrder() {
    enqueue("m-1", "telegram", "100", BASE);
    enqueue("m-2", "telegram", "200", BASE);
    enqueue("m-3", "telegram", "100", BASE);
    enqueue("m-4", "wechat", "100", BASE);

    assertThat(claim("a", BASE)).extracting(OutboxMessage::id).containsExactly("m-1", "m-2", "m-4");
  }

  @Test
  void claimDue_withLimit_claimsOldestHeadsOnly() {
    enqueue("m-1", "telegram", "100", BASE);
    enqueue("m-2", "telegram", "200", BASE);
    enqueue("m-3", "telegram", "300", BASE);

    assertThat(claim(ALL, "a", BASE, 2))
        .extracting(OutboxMessage::id)
        .containsExactly("m-1", "m-2");
  }

  @Test
  void claimDue_retriedLaterIntoFuture_blocksSuccessorsUntilDue() {
    enqueue("m-1", "telegram", "100", BASE);
    enqueue("m-2", "telegram", "100", BASE);
    claim("a", BASE);
    Instant retryAt = BASE.plusSeconds(300);

    use(storage, tx -> outbox.retryLater(tx, seq("m-1"), retryAt, "429 Too Many Requests"));

    assertThat(claim("a", BASE.plusSeconds(60))).isEmpty();
    assertThat(claim("a", retryAt.minusSeconds(1))).isEmpty();
    assertThat(claim("b", retryAt))
        .extracting(OutboxMessage::id, OutboxMessage::attempts, OutboxMessage::dueAt)
        .containsExactly(tuple("m-1", 2, retryAt));
    assertThat(column("m-1", "last_error")).isEqualTo("429 Too Many Requests");
  }

  @Test
  void retryLater_longError_isTruncatedTo1000Characters() {
    enqueue("m-1", "telegram", "100", BASE);
    claim("a", BASE);

    use(storage, tx -> outbox.retryLater(tx, seq("m-1"), BASE, "x".repeat(1500)));

    assertThat(column("m-1", "last_error")).isEqualTo("x".repeat(1000));
  }

  @Test
  void claimDue_expiredLease_isClaimedAgainByAnotherOwner() {
    enqueue("m-1", "telegram", "100", BASE);
    enqueue("m-2", "telegram", "100", BASE);
    assertThat(claim("a", BASE)).extracting(OutboxMessage::attempts).containsExactly(1);

    assertThat(claim("b", BASE.plus(LEASE))).isEmpty();
    // Expired claims are looked for at most every five seconds.
    List<OutboxMessage> reclaimed = claim("b", BASE.plus(LEASE).plusSeconds(5));

    assertThat(reclaimed)
        .extracting(OutboxMessage::id, OutboxMessage::state, OutboxMessage::attempts)
        .containsExactly(tuple("m-1", OutboxState.SENDING, 2));
    assertThat(column("m-1", "claimed_by")).isEqualTo("b");
    assertThat(column("m-1", "attempts")).isEqualTo("2");
  }

  @Test
  void markFailed_unblocksSuccessors() {
    enqueue("m-1", "telegram", "100", BASE);
    enqueue("m-2", "telegram", "100", BASE);
    claim("a", BASE);
    Instant failedAt = BASE.plusSeconds(10);

    use(storage, tx -> outbox.markFailed(tx, seq("m-1"), "403 blocked by user", failedAt));

    assertThat(claim("a", BASE.plusSeconds(11)))
        .extracting(OutboxMessage::id)
        .containsExactly("m-2");
    assertThat(in(storage, (Tx tx) -> outbox.failedSince(tx, failedAt)))
        .extracting(OutboxMessage::id, OutboxMessage::state, OutboxMessage::attempts)
        .containsExactly(tuple("m-1", OutboxState.FAILED, 1));
    assertThat(in(storage, (Tx tx) -> outbox.failedSince(tx, failedAt.plusSeconds(1)))).isEmpty();
    assertThat(column("m-1", "last_error")).isEqualTo("403 blocked by user");
  }

  @Test
  void claimDue_filtersByChannels() {
    enqueue("m-1", "telegram", "100", BASE);
    enqueue("m-2", "wechat", "o-1", BASE);

    assertThat(claim(List.of("wechat"), "a", BASE, 10))
        .extracting(OutboxMessage::id)
        .containsExactly("m-2");
    assertThat(claim(List.of(), "a", BASE, 10)).isEmpty();
    assertThat(claim(List.of("telegram"), "a", BASE, 10))
        .extracting(OutboxMessage::id)
        .containsExactly("m-1");
  }

  @Test
  void countUnsent_countsPendingAndSendingPerChannel() {
    enqueue("m-1", "telegram", "100", BASE);
    enqueue("m-2", "telegram", "200", BASE);
    enqueue("m-3", "telegram", "300", BASE.plusSeconds(3600));
    enqueue("m-4", "wechat", "o-1", BASE);
    enqueue("m-5", "wechat", "o-2", BASE);
    claim(List.of("telegram"), "a", BASE, 2);
    use(
        storage,
        tx -> {
          outbox.markSent(tx, seq("m-1"), "tg-1", BASE);
          outbox.markFailed(tx, seq("m-5"), "gone", BASE);
        });

    assertThat(in(storage, (Tx tx) -> outbox.countUnsent(tx, "telegram"))).isEqualTo(2);
    assertThat(in(storage, (Tx tx) -> outbox.countUnsent(tx, "wechat"))).isEqualTo(1);
    assertThat(in(storage, (Tx tx) -> outbox.countUnsent(tx, null))).isEqualTo(3);
  }

  @Test
  void oldestUnsent_returnsCreationOfOldestNotSent() {
    assertThat(in(storage, (Tx tx) -> outbox.oldestUnsent(tx))).isEmpty();
    enqueue("m-1", "telegram", "100", BASE);
    enqueue("m-2", "telegram", "200", BASE.plusSeconds(60));
    enqueue("m-3", "wechat", "o-1", BASE.plusSeconds(120));

    assertThat(in(storage, (Tx tx) -> outbox.oldestUnsent(tx))).contains(BASE);

    claim("a", BASE.plusSeconds(120));
    use(storage, tx -> outbox.markSent(tx, seq("m-1"), "tg-1", BASE.plusSeconds(121)));

    assertThat(in(storage, (Tx tx) -> outbox.oldestUnsent(tx))).contains(BASE.plusSeconds(60));

    use(
        storage,
        tx -> {
          outbox.markSent(tx, seq("m-2"), "tg-2", BASE.plusSeconds(122));
          outbox.markSent(tx, seq("m-3"), "wx-3", BASE.plusSeconds(122));
        });

    assertThat(in(storage, (Tx tx) -> outbox.oldestUnsent(tx))).isEmpty();
  }

  @Test
  void wakeHeld_bringsForwardOnlyThatRecipientsHeldMessages() {
    enqueue("held", "wechat", "o-1", BASE);
    enqueue("other", "wechat", "o-2", BASE);
    enqueue("telegram", "telegram", "o-1", BASE);
    claim("a", BASE);
    Instant later = BASE.plus(Duration.ofHours(12));
    use(
        storage,
        tx -> {
          outbox.retryLater(tx, seq("held"), later, "45015");
          outbox.retryLater(tx, seq("other"), later, "45015");
          outbox.retryLater(tx, seq("telegram"), later, "429");
        });

    int woken = in(storage, (Tx tx) -> outbox.wakeHeld(tx, "wechat", "o-1", BASE.plusSeconds(5)));

    assertThat(woken).isEqualTo(1);
    assertThat(claim("b", BASE.plusSeconds(5)))
        .extracting(OutboxMessage::id)
        .containsExactly("held");
  }

  @Test
  void countAwaitingRetry_countsPendingMessagesTriedBefore() {
    enqueue("fresh", "wechat", "o-1", BASE);
    enqueue("tried", "wechat", "o-2", BASE);
    enqueue("sent", "wechat", "o-3", BASE);
    claim("a", BASE);
    use(
        storage,
        tx -> {
          outbox.retryLater(tx, seq("fresh"), BASE, null);
          outbox.retryLater(tx, seq("tried"), BASE.plusSeconds(3600), "45015");
          outbox.markSent(tx, seq("sent"), "wx", BASE);
        });
    enqueue("new", "wechat", "o-4", BASE);

    assertThat(in(storage, (Tx tx) -> outbox.countAwaitingRetry(tx))).isEqualTo(2);
  }
}
