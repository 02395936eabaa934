package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.storage.rows.Review;
import dev.cfpbot.storage.rows.Reviewer;
import dev.cfpbot.storage.testing.StorageExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class ReviewStoreTest {
  static final String EVENT = "gz-2027";
  private static final Instant T1 = BASE.plusSeconds(60);
  private static final Instant T2 = BASE.plusSeconds(120);

  private Storage storage;
  private ReviewStore reviews;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    reviews = storage.reviews();
    Fixtures.insertSpeaker(storage, "sp-1");
    submit(storage, "sub-1", "sp-1", 1);
    submit(storage, "sub-2", "sp-1", 2);
  }

  /** A proposal of {@link #EVENT}, confirmed as GZ-0n. */
  static void submit(Storage storage, String id, String speaker, int number) {
    use(
        storage,
        tx -> {
          storage.submissions().insertDraft(tx, id, EVENT, speaker, BASE);
          storage
              .submissions()
              .changeState(
                  tx,
                  id,
                  SubmissionState.DRAFT,
                  SubmissionState.SUBMITTED,
                  number,
                  "GZ-0" + number,
                  "speaker",
                  null,
                  BASE);
        });
  }

  private Reviewer enroll(String channel, String id, String name) {
    return in(storage, (Tx tx) -> reviews.enroll(tx, channel, id, name, "zh", BASE));
  }

  @Test
  void enroll_sameIdentityTwice_isOneReviewerWithTheNewName() {
    Reviewer first = enroll("telegram", "777", "Li");
    Reviewer again =
        in(storage, (Tx tx) -> reviews.enroll(tx, "telegram", "777", "Li Lei", "en", T1));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(in(storage, (Tx tx) -> reviews.reviewer(tx, first.id())).orElseThrow())
        .isEqualTo(new Reviewer(first.id(), "telegram", "777", "Li Lei", "en", 0, BASE));
    assertThat(enroll("wechat", "777", null).id()).isNotEqualTo(first.id());
  }

  @Test
  void revokeLinks_raisesTheEpoch() {
    Reviewer r = enroll("telegram", "777", "Li");

    assertThat(in(storage, (Tx tx) -> reviews.revokeLinks(tx, r.id()))).isEqualTo(1);
    assertThat(in(storage, (Tx tx) -> reviews.revokeLinks(tx, r.id()))).isEqualTo(2);
  }

  @Test
  void put_again_changesScoreAndCommentButKeepsWhenFirstGiven() {
    Reviewer li = enroll("telegram", "777", "Li");
    use(storage, tx -> reviews.put(tx, "sub-1", li.id(), 1, "不错", BASE));
    use(storage, tx -> reviews.put(tx, "sub-1", li.id(), 2, null, T1));

    assertThat(in(storage, (Tx tx) -> reviews.of(tx, "sub-1")))
        .containsExactly(new Review("sub-1", li.id(), "Li", "telegram", 2, null, BASE, T1));
  }

  @Test
  void tallies_countAverageAndMine_perProposalOfTheEvent() {
    Reviewer li = enroll("telegram", "777", "Li");
    Reviewer wang = enroll("wechat", "o-wang", "Wang");
    use(
        storage,
        tx -> {
          reviews.put(tx, "sub-1", li.id(), 2, null, BASE);
          reviews.put(tx, "sub-1", wang.id(), -1, "太泛", T1);
          reviews.put(tx, "sub-2", wang.id(), 1, null, T2);
        });

    Map<String, ReviewStore.Tally> tallies =
        in(storage, (Tx tx) -> reviews.tallies(tx, EVENT, li.id()));

    assertThat(tallies)
        .containsOnly(
            Map.entry("sub-1", new ReviewStore.Tally(2, 0.5, 2)),
            Map.entry("sub-2", new ReviewStore.Tally(1, 1.0, null)));
    assertThat(in(storage, (Tx tx) -> reviews.scoredBy(tx, List.of("sub-1", "sub-2"))))
        .containsOnly(
            Map.entry("sub-1", List.of("telegram:777", "wechat:o-wang")),
            Map.entry("sub-2", List.of("wechat:o-wang")));
    assertThat(in(storage, (Tx tx) -> reviews.ofEvent(tx, EVENT)).get("sub-1"))
        .extracting(Review::reviewerName, Review::score, Review::comment)
        .containsExactly(tuple("Li", 2, null), tuple("Wang", -1, "太泛"));
  }

  @Test
  void deleteFor_removesThatProposalsReviewsOnly() {
    Reviewer li = enroll("telegram", "777", "Li");
    use(
        storage,
        tx -> {
          reviews.put(tx, "sub-1", li.id(), 2, null, BASE);
          reviews.put(tx, "sub-2", li.id(), 1, null, BASE);
        });

    assertThat(in(storage, (Tx tx) -> reviews.deleteFor(tx, "sub-1"))).isEqualTo(1);
    assertThat(in(storage, (Tx tx) -> reviews.of(tx, "sub-1"))).isEmpty();
    assertThat(in(storage, (Tx tx) -> reviews.of(tx, "sub-2"))).hasSize(1);
  }
}
