package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cfpbot.storage.rows.Publication;
import dev.cfpbot.storage.rows.PublishedTalk;
import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agenda's rows: slots, publications, one-time notices and the place told. */
@ExtendWith(StorageExtension.class)
class AgendaStoreTest {
  private static final String EVENT = "gz-2027";
  private static final Instant T1 = BASE.plusSeconds(60);

  private Storage storage;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    Fixtures.insertSpeaker(storage, "sp-1");
    use(
        storage,
        tx -> {
          for (String id : List.of("a", "b", "c")) {
            storage.submissions().insertDraft(tx, id, EVENT, "sp-1", BASE);
          }
        });
  }

  @Test
  void replaceSlots_thenUnplace_leavesTheOthersInTheirSlots() {
    use(storage, tx -> storage.agenda().replaceSlots(tx, EVENT, Map.of(1, "a", 2, "b", 4, "c")));
    use(storage, tx -> storage.agenda().replaceSlots(tx, EVENT, Map.of(1, "b", 2, "a", 4, "c")));

    boolean had = in(storage, (Tx tx) -> storage.agenda().unplace(tx, "a"));
    boolean again = in(storage, (Tx tx) -> storage.agenda().unplace(tx, "a"));

    assertThat(had).isTrue();
    assertThat(again).isFalse();
    assertThat(in(storage, (Tx tx) -> storage.agenda().slots(tx, EVENT)))
        .containsExactly(entry(1, "b"), entry(4, "c"));
    assertThat(in(storage, (Tx tx) -> storage.agenda().slots(tx, "other"))).isEmpty();
  }

  @Test
  void publish_numbersEachPublication_andKeepsOnlyTheLastOnesTalks() {
    Publication first =
        in(
            storage,
            (Tx tx) ->
                storage
                    .agenda()
                    .publish(
                        tx,
                        EVENT,
                        List.of(new PublishedTalk("a", 1, T1), new PublishedTalk("b", 2, T1)),
                        "telegram:777",
                        T1));
    Publication second =
        in(
            storage,
            (Tx tx) ->
                storage
                    .agenda()
                    .publish(tx, EVENT, List.of(new PublishedTalk("c", 2, BASE)), "console", T1));

    assertThat(first.version()).isEqualTo(1);
    assertThat(second).isEqualTo(new Publication(EVENT, 2, T1, "console"));
    assertThat(in(storage, (Tx tx) -> storage.agenda().lastPublication(tx, EVENT)))
        .contains(second);
    assertThat(in(storage, (Tx tx) -> storage.agenda().published(tx, EVENT)))
        .containsExactly(new PublishedTalk("c", 2, BASE));
    assertThat(in(storage, (Tx tx) -> storage.agenda().lastPublication(tx, "other"))).isEmpty();
  }

  @Test
  void noteSent_isTrueOnlyTheFirstTime_perKind() {
    assertThat(in(storage, (Tx tx) -> storage.agenda().noteSent(tx, "a", "confirm", T1))).isTrue();
    assertThat(in(storage, (Tx tx) -> storage.agenda().noteSent(tx, "a", "confirm", T1))).isFalse();
    assertThat(in(storage, (Tx tx) -> storage.agenda().noteSent(tx, "a", "other", T1))).isTrue();
    assertThat(in(storage, (Tx tx) -> storage.agenda().sent(tx, List.of("a", "b"), "confirm")))
        .containsExactly("a");
    assertThat(in(storage, (Tx tx) -> storage.agenda().sent(tx, List.of(), "confirm"))).isEmpty();
  }

  @Test
  void notePlace_changesOnlyFromThePlaceLastTold() {
    assertThat(in(storage, (Tx tx) -> storage.agenda().notePlace(tx, EVENT, null, "待定", T1)))
        .isTrue();
    assertThat(in(storage, (Tx tx) -> storage.agenda().notePlace(tx, EVENT, null, "待定", T1)))
        .isFalse();
    assertThat(in(storage, (Tx tx) -> storage.agenda().notePlace(tx, EVENT, "别处", "大厦", T1)))
        .isFalse();
    assertThat(in(storage, (Tx tx) -> storage.agenda().notePlace(tx, EVENT, "待定", "大厦", T1)))
        .isTrue();
    assertThat(in(storage, (Tx tx) -> storage.agenda().place(tx, EVENT))).contains("大厦");
  }
}
