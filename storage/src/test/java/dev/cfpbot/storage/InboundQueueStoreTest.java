package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.testing.StorageExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class InboundQueueStoreTest {
  private Storage storage;
  private InboundQueueStore queue;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    queue = storage.queue();
  }

  @Test
  void add_thenPending_returnsUpdatesOldestFirst() {
    use(storage, tx -> queue.add(tx, "telegram", "u2", "c1", 2, "{\"update_id\":2}", BASE));
    use(
        storage,
        tx -> queue.add(tx, "telegram", "u3", "c2", 3, "{\"update_id\":3}", BASE.plusSeconds(1)));
    use(storage, tx -> queue.add(tx, "wechat", "m1", "o1", 1, "<xml/>", BASE));

    List<InboundQueueStore.Queued> pending =
        in(storage, (Tx tx) -> queue.pending(tx, "telegram", 10));

    assertThat(pending)
        .extracting(
            InboundQueueStore.Queued::externalId,
            InboundQueueStore.Queued::chatId,
            InboundQueueStore.Queued::payload)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("u2", "c1", "{\"update_id\":2}"),
            org.assertj.core.groups.Tuple.tuple("u3", "c2", "{\"update_id\":3}"));
    assertThat(pending.get(0).receivedAt()).isEqualTo(BASE);
  }

  @Test
  void add_sameUpdateTwice_storesItOnce() {
    boolean first = in(storage, (Tx tx) -> queue.add(tx, "telegram", "u1", "c1", 1, "a", BASE));
    boolean second = in(storage, (Tx tx) -> queue.add(tx, "telegram", "u1", "c1", 1, "b", BASE));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(in(storage, (Tx tx) -> queue.pending(tx, "telegram", 10)))
        .extracting(InboundQueueStore.Queued::payload)
        .containsExactly("a");
  }

  @Test
  void remove_deletesOnlyThatUpdate() {
    use(storage, tx -> queue.add(tx, "telegram", "u1", "c1", 1, "a", BASE));
    use(storage, tx -> queue.add(tx, "telegram", "u2", "c1", 2, "b", BASE));

    use(storage, tx -> queue.remove(tx, "telegram", "u1"));

    assertThat(in(storage, (Tx tx) -> queue.count(tx, "telegram"))).isEqualTo(1L);
    assertThat(in(storage, (Tx tx) -> queue.pending(tx, "telegram", 10)))
        .extracting(InboundQueueStore.Queued::externalId)
        .containsExactly("u2");
  }

  @Test
  void holds_saysWhetherTheChatHasAnUpdateStored_inThatChannel() {
    use(storage, tx -> queue.add(tx, "telegram", "u1", "c1", 1, "a", BASE));
    use(storage, tx -> queue.add(tx, "wechat", "m1", "c2", 1, "b", BASE));

    assertThat(in(storage, (Tx tx) -> queue.holds(tx, "telegram", "c1"))).isTrue();
    assertThat(in(storage, (Tx tx) -> queue.holds(tx, "telegram", "c2"))).isFalse();
    use(storage, tx -> queue.remove(tx, "telegram", "u1"));
    assertThat(in(storage, (Tx tx) -> queue.holds(tx, "telegram", "c1"))).isFalse();
  }

  @Test
  void lockHead_returnsTheChatsUpdateFirstInThePlatformsOrder() {
    use(storage, tx -> queue.add(tx, "telegram", "u9", "c1", 9, "nine", BASE));
    use(storage, tx -> queue.add(tx, "telegram", "u7", "c1", 7, "seven", BASE));
    use(storage, tx -> queue.add(tx, "telegram", "u8", "c2", 8, "other chat", BASE));

    var head = in(storage, (Tx tx) -> queue.lockHead(tx, "telegram", "c1"));

    assertThat(head).map(InboundQueueStore.Queued::payload).contains("seven");
    assertThat(in(storage, (Tx tx) -> queue.lockHead(tx, "telegram", "c3"))).isEmpty();
  }
}
