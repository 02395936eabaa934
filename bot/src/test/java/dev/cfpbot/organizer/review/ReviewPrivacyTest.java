package dev.cfpbot.organizer.review;

import static dev.cfpbot.testing.RecordingChannel.ORGANIZER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.Review;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Organizers' comments speak about speakers: they go with the speaker's data. */
@ExtendWith(StorageExtension.class)
class ReviewPrivacyTest {
  /** The seed event ends 2027-10-31 17:30 Shanghai; 180 days later. */
  private static final Instant PAST_RETENTION = Instant.parse("2028-04-28T10:00:00Z");

  @TempDir Path dataDir;
  private Storage storage;
  private TestBot t;

  @BeforeEach
  void start(Storage storage) {
    this.storage = storage;
    t = new TestBot(storage, dataDir);
    t.submitSeedTalk("alice", "从零到生产");
    t.say(ORGANIZER_ID, "/score GZ-01 +1 张三去年也讲过");
    t.say(ORGANIZER_ID, "/accept GZ-01");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private List<Review> reviews() {
    return t.storage
        .database()
        .inTransaction(
            "test",
            (Tx tx) -> {
              var s = t.storage.submissions().findByCode(tx, "GZ-01").orElseThrow();
              return t.storage.reviews().of(tx, s.id());
            });
  }

  private long notices() {
    return t.storage
        .database()
        .inTransaction(
            "test", (Tx tx) -> tx.count("count", "select count(*) from decision_notices"));
  }

  @Test
  void afterTheRetention_commentsAreGone_scoresStay() {
    t.awaitDelivered();
    t.clock.set(PAST_RETENTION);
    t.bot.scheduler().tick();

    assertThat(reviews())
        .extracting(Review::score, Review::comment)
        .containsExactly(org.assertj.core.api.Assertions.tuple(1, null));
  }

  @Test
  void forget_deletesTheProposalsReviewsAndDecisions_andItsWaitingMessage() {
    t.say("alice", "/forget");
    t.say("alice", "确认删除");
    t.afterDecisionDelay();
    t.awaitDelivered();

    assertThat(reviews()).isEmpty();
    assertThat(notices()).isZero();
    assertThat(t.channel.textsTo("alice")).noneMatch(text -> text.startsWith("🎉"));
  }
}
