package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.storage.InboxStore.Handled;
import dev.cfpbot.storage.testing.StorageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class InboxStoreTest {
  private Storage storage;
  private InboxStore inbox;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    inbox = storage.inbox();
  }

  @Test
  void find_afterRecord_returnsReceivedAtAndReply() {
    use(storage, tx -> inbox.record(tx, "wechat", "msg-1", BASE, "收到 ✅"));

    assertThat(in(storage, (Tx tx) -> inbox.find(tx, "wechat", "msg-1")))
        .contains(new Handled(BASE, "收到 ✅"));
  }

  @Test
  void find_recordedWithoutReply_returnsNullReply() {
    use(storage, tx -> inbox.record(tx, "telegram", "900", BASE, null));

    assertThat(in(storage, (Tx tx) -> inbox.find(tx, "telegram", "900")))
        .contains(new Handled(BASE, null));
  }

  @Test
  void find_unknownMessageOrOtherChannel_returnsEmpty() {
    use(storage, tx -> inbox.record(tx, "telegram", "900", BASE, null));

    assertThat(in(storage, (Tx tx) -> inbox.find(tx, "telegram", "901"))).isEmpty();
    assertThat(in(storage, (Tx tx) -> inbox.find(tx, "wechat", "900"))).isEmpty();
  }

  @Test
  void record_sameMessageTwice_throwsUniqueViolation() {
    use(storage, tx -> inbox.record(tx, "telegram", "900", BASE, "first"));

    assertThatThrownBy(
            () -> use(storage, tx -> inbox.record(tx, "telegram", "900", BASE, "second")))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.isUniqueViolation()).isTrue();
              assertThat(e.operation()).isEqualTo("record inbound message");
              assertThat(e.getMessage()).startsWith("record inbound message failed: ");
            });
    assertThat(in(storage, (Tx tx) -> inbox.find(tx, "telegram", "900")))
        .contains(new Handled(BASE, "first"));
  }

  @Test
  void record_sameExternalIdOnOtherChannel_isAllowed() {
    use(storage, tx -> inbox.record(tx, "telegram", "900", BASE, "t"));
    use(storage, tx -> inbox.record(tx, "wechat", "900", BASE, "w"));

    assertThat(in(storage, (Tx tx) -> inbox.find(tx, "wechat", "900")))
        .contains(new Handled(BASE, "w"));
  }

  @Test
  void prune_deletesOnlyRecordsOlderThanCutoff() {
    use(
        storage,
        tx -> {
          inbox.record(tx, "telegram", "old", BASE, null);
          inbox.record(tx, "telegram", "edge", BASE.plusSeconds(3600), null);
          inbox.record(tx, "telegram", "new", BASE.plusSeconds(7200), null);
        });

    int pruned = in(storage, (Tx tx) -> inbox.prune(tx, BASE.plusSeconds(3600)));

    assertThat(pruned).isEqualTo(1);
    assertThat(in(storage, (Tx tx) -> inbox.find(tx, "telegram", "old"))).isEmpty();
    assertThat(in(storage, (Tx tx) -> inbox.find(tx, "telegram", "edge")))
        .contains(new Handled(BASE.plusSeconds(3600), null));
    assertThat(in(storage, (Tx tx) -> inbox.find(tx, "telegram", "new")))
        .contains(new Handled(BASE.plusSeconds(7200), null));
  }
}
