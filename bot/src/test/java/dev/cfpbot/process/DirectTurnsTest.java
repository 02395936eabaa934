package dev.cfpbot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.app.Bot;
import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.Sender;
import dev.cfpbot.channel.SignedPair;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct messages (a channel that waits for each one's outcome, as WeChat's callbacks do) taken
 * together by the real bot over a fresh H2 per test. The clock, at the outer edge, can hold the
 * direct turns' thread at its next look, so that the messages sent meanwhile wait and form one
 * batch.
 */
@ExtendWith(StorageExtension.class)
class DirectTurnsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SORRY = "抱歉，刚才出了点问题。已经保存的回答都还在，请再发一次，或发送「帮助」。";

  @TempDir Path dataDir;
  private final HoldingClock clock = new HoldingClock(TestBot.BEFORE_DEADLINE);
  private final ExecutorService callers = Executors.newFixedThreadPool(24);
  private Storage storage;
  private Bot bot;

  @BeforeEach
  void start(Storage storage) {
    this.storage = storage;
    this.bot =
        TestBot.start(storage, new RecordingChannel(), clock, dataDir, new UpdateInbox(storage));
  }

  @AfterEach
  void stop() {
    clock.released.countDown();
    callers.shutdownNow();
    bot.close();
  }

  /** A clock that, once armed, stops the direct turns' thread at its next look until released. */
  private static final class HoldingClock extends Clock {
    private final Instant now;
    private final AtomicBoolean armed = new AtomicBoolean();
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);

    HoldingClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      if (Thread.currentThread().getName().startsWith("cfpbot-direct-turns")
          && armed.compareAndSet(true, false)) {
        holding.countDown();
        try {
          released.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** A message that replies inline, as a WeChat callback; with no sender, its turn fails. */
  private static Inbound message(String chat, String id, String text, boolean withSender) {
    Sender sender = withSender ? new Sender(chat, "Speaker " + chat, "zh-hans") : null;
    return new Inbound(
        RecordingChannel.NAME,
        chat,
        id,
        sender,
        true,
        new Content.Text(text),
        TestBot.BEFORE_DEADLINE,
        true);
  }

  private CompletableFuture<HandleResult> send(Inbound in) {
    return CompletableFuture.supplyAsync(() -> bot.dispatcher().handle(in), callers);
  }

  /**
   * Holds the thread with zed's message, sends {@code batch} in order meanwhile, then lets it go.
   */
  private List<HandleResult> heldThenTogether(List<Inbound> batch) throws Exception {
    clock.armed.set(true);
    CompletableFuture<HandleResult> zed = send(message("zed", "m-zed", "/start", true));
    assertThat(clock.holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    List<CompletableFuture<HandleResult>> waiting = new ArrayList<>();
    for (Inbound in : batch) {
      // One after the other, each from its own thread: the order they arrive in is the test's.
      waiting.add(send(in));
      int sent = waiting.size();
      await().atMost(WAIT).until(() -> bot.dispatcher().directWaiting() == sent);
    }
    clock.released.countDown();
    List<HandleResult> results = new ArrayList<>(List.of(zed.get(10, TimeUnit.SECONDS)));
    for (CompletableFuture<HandleResult> w : waiting) {
      results.add(w.get(10, TimeUnit.SECONDS));
    }
    return results;
  }

  private String recorded(String id) {
    return storage
        .database()
        .inTransaction(
            "find",
            tx -> storage.inbox().find(tx, RecordingChannel.NAME, id).orElseThrow().reply());
  }

  @Test
  void manyMessagesAtOnce_areEachAnsweredWithTheirOwnReply_andEachIsInTheInbox() throws Exception {
    List<Inbound> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(message("chat-" + i, "m-" + i, i % 2 == 0 ? "/start" : "/help", true));
    }

    List<HandleResult> results = heldThenTogether(batch);

    String call = results.get(0).inlineReply();
    assertThat(call).startsWith("📣 ");
    String help = results.get(2).inlineReply();
    assertThat(help).isNotEqualTo(call);
    for (int i = 0; i < 20; i++) {
      HandleResult result = results.get(i + 1);
      assertThat(result.duplicate()).isFalse();
      assertThat(result.inlineReply()).isEqualTo(i % 2 == 0 ? call : help);
      assertThat(recorded("m-" + i)).isEqualTo(result.inlineReply());
    }
    assertThat(recorded("m-zed")).isEqualTo(call);
  }

  @Test
  void aBatchWithAFaultyTurn_answersTheOthersNormally_andTheFaultyOneWithTheSorryReply()
      throws Exception {
    List<HandleResult> results =
        heldThenTogether(
            List.of(
                message("alice", "m-alice", "/start", true),
                message("bob", "m-bob", "/start", false),
                message("carol", "m-carol", "/start", true)));

    String call = results.get(0).inlineReply();
    assertThat(call).startsWith("📣 ");
    assertThat(results.get(1).inlineReply()).isEqualTo(call);
    assertThat(results.get(2).inlineReply()).isEqualTo(SORRY);
    assertThat(results.get(3).inlineReply()).isEqualTo(call);
    assertThat(recorded("m-alice")).isEqualTo(call);
    assertThat(recorded("m-bob")).isEqualTo(SORRY);
    assertThat(recorded("m-carol")).isEqualTo(call);
  }

  private long noncesRecorded(String digest) {
    return storage
        .database()
        .inTransaction(
            "count",
            tx ->
                tx.count(
                    "count",
                    "select count(*) from callback_nonces where nonce = ? and body_sha256 = ?",
                    "n-1",
                    digest));
  }

  @Test
  void messagesUnderOneSignedPair_inOneBatch_takeTheFirstAndItsRetry_andRefuseAnotherBody()
      throws Exception {
    SignedPair pair = new SignedPair(1_790_000_000L, "n-1", "a1".repeat(32));
    SignedPair forged = new SignedPair(1_790_000_000L, "n-1", "f0".repeat(32));

    List<HandleResult> results =
        heldThenTogether(
            List.of(
                message("alice", "m-1", "/start", true).signedWith(pair),
                message("alice", "m-1", "/start", true).signedWith(pair),
                message("mallory", "m-forged", "/help", true).signedWith(forged)));

    String call = results.get(0).inlineReply();
    assertThat(results.get(1)).isEqualTo(new HandleResult(call, false, null, false));
    assertThat(results.get(2)).isEqualTo(new HandleResult(call, true, null, false));
    assertThat(results.get(3)).isEqualTo(HandleResult.REPLAYED);
    assertThat(recorded("m-1")).isEqualTo(call);
    boolean forgedInInbox =
        storage
            .database()
            .inTransaction(
                "find",
                tx -> storage.inbox().find(tx, RecordingChannel.NAME, "m-forged").isPresent());
    assertThat(forgedInInbox).isFalse();
    assertThat(noncesRecorded("a1".repeat(32))).isEqualTo(1);
    assertThat(noncesRecorded("f0".repeat(32))).isZero();
  }

  @Test
  void aFailedTurn_stillRecordsItsSignedPair_soAnotherBodyUnderItIsRefused() {
    SignedPair pair = new SignedPair(1_790_000_000L, "n-1", "a1".repeat(32));

    HandleResult failed =
        bot.dispatcher().handle(message("bob", "m-1", "/start", false).signedWith(pair));
    HandleResult replay =
        bot.dispatcher()
            .handle(
                message("mallory", "m-forged", "/help", true)
                    .signedWith(new SignedPair(1_790_000_000L, "n-1", "f0".repeat(32))));

    assertThat(failed.inlineReply()).isEqualTo(SORRY);
    assertThat(replay).isEqualTo(HandleResult.REPLAYED);
    assertThat(noncesRecorded("a1".repeat(32))).isEqualTo(1);
  }

  @Test
  void aChatsMessagesSentTogether_areTakenInTheirOrder() throws Exception {
    List<HandleResult> together =
        heldThenTogether(
            List.of(message("alice", "m-1", "/start", true), message("alice", "m-2", "张三", true)));
    // The same two messages from bob, one after the other.
    HandleResult first = bot.dispatcher().handle(message("bob", "b-1", "/start", true));
    HandleResult second = bot.dispatcher().handle(message("bob", "b-2", "张三", true));

    assertThat(first.inlineReply()).startsWith("📣 ");
    assertThat(second.inlineReply()).isNotEqualTo(first.inlineReply());
    assertThat(together.get(1).inlineReply()).isEqualTo(first.inlineReply());
    assertThat(together.get(2).inlineReply()).isEqualTo(second.inlineReply());
  }
}
