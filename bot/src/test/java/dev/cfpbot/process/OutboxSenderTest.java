package dev.cfpbot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.SendResult;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.rows.OutboxState;
import dev.cfpbot.testing.RecordingChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background outbox loop on a real H2 file (written as the bot writes it: every commit reaches
 * the file before it returns): what it sends, what it records, and what that costs in writes.
 */
class OutboxSenderTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CHANNEL = RecordingChannel.NAME;
  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir Path dir;
  private Storage storage;
  private RecordingChannel channel;
  private OutboxSender sender;
  private Outbox outbox;

  @BeforeEach
  void start() {
    storage =
        Storage.open(
            "jdbc:h2:file:" + dir.resolve("cfpbot") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
            "sa",
            "",
            4);
    channel = new RecordingChannel();
    Map<String, Channel> channels = Map.of(CHANNEL, channel);
    outbox = new Outbox(storage.outbox(), Map.of(), Map.of());
    sender = new OutboxSender(storage, channels, (tx, m, r, now) -> {}, Clock.systemUTC(), 2);
    sender.start();
  }

  @AfterEach
  void stop() {
    sender.close();
    storage.close();
  }

  /**
   * Under Telegram's limits replies trickle, each written by a turn that came in after an earlier
   * reply was sent, while other replies wait for their turn to go (the sender is busy: here one
   * worker, and one more message always claimed behind the one it sends). Recording a send and
   * claiming the next reply then share one commit: a reply costs its own write (the turn's, here
   * the test's) and one of the outbox loop; it cost two more before (one for the claim, one for the
   * record), each serialising the outbox's changed pages.
   */
  @Test
  void trickledReplies_whileBusy_costOneOutboxWriteEach() {
    long writes = trickledWrites(this::queue);
    // 20 of the test's own + 20 of the loop's. Before: 60.
    assertThat(writes).isEqualTo(40L);
  }

  /**
   * The same trickle with each reply queued by a turn's transaction, as the bot queues them ({@link
   * OutboxSender#inTransaction}): the turn's commit also claims its reply and records the send
   * before it, so a reply costs the turn's write alone. Before: the turn's and the loop's.
   */
  @Test
  void trickledTurns_whileBusy_costOneWriteEach_theirOwn() {
    long writes = trickledWrites(this::turn);
    // 20 turns. Before: 40.
    assertThat(writes).isEqualTo(20L);
  }

  /**
   * Trickles 20 replies through a sender with one worker, each queued by {@code queue} once the
   * send before the last went out, and returns H2's file writes meanwhile. Each step waits for the
   * sender to be where the pace would leave it, so that the count says what the design writes and
   * not how fast the machine is: the outcome is with the recorder and the worker has taken up the
   * next message ({@link OutboxSender#waiting} 0) before the next reply is queued, and that reply
   * is claimed and handed over (1) before the next send. A busy sender's outcome may wait for a
   * claim as long as a step may take (with the bot's 100 ms a slow CI machine let some be recorded
   * on their own: 49 writes, 2026-11-30).
   */
  private long trickledWrites(BiConsumer<String, String> queue) {
    sender.close();
    sender =
        new OutboxSender(storage, Map.of(CHANNEL, channel), (tx, m, r, now) -> {}, CLOCK, 1, WAIT);
    sender.start();
    int replies = 20;
    // Each send waits for its turn (the pace), given by the test.
    Semaphore turns = new Semaphore(0);
    for (int i = 0; i < replies + 2; i++) {
      channel.script(
          m -> {
            turns.acquireUninterruptibly();
            return new SendResult.Sent("m" + m.recipient());
          });
    }
    queue.accept("chat-0", "reply 0");
    queue.accept("chat-1", "reply 1");
    await().atMost(WAIT).until(() -> claimed() == 2 && sender.waiting(CHANNEL) == 1);
    long before = fileWrites();
    for (int i = 2; i < replies + 2; i++) {
      turns.release();
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(2))
          .until(() -> sender.waiting(CHANNEL) == 0);
      // As a speaker does: the next message comes once a reply has arrived, while another waits.
      queue.accept("chat-" + i, "reply " + i);
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(2))
          .until(() -> sender.waiting(CHANNEL) == 1);
    }
    long writes = fileWrites() - before;
    turns.release(2);
    await().atMost(WAIT).until(() -> states().stream().allMatch(s -> s == OutboxState.SENT));
    return writes;
  }

  @Test
  void turnsTransaction_claimsTheReplyItQueued_beforeItReturns() {
    Semaphore release = new Semaphore(0);
    channel.script(
        m -> {
          release.acquireUninterruptibly();
          return new SendResult.Sent("m1");
        });

    turn("chat-1", "hello");

    // No wait: the claim committed with the turn, not in a round of the loop's after it.
    assertThat(states()).containsExactly(OutboxState.SENDING);
    release.release();
    await().atMost(WAIT).until(() -> states().equals(List.of(OutboxState.SENT)));
    assertThat(channel.textsTo("chat-1")).containsExactly("hello");
  }

  /**
   * A turn's round that fails (here: recording a refused send, whose report to the organizers
   * throws) is undone alone: the turn commits, and its reply goes out once the round succeeds.
   */
  @Test
  void turnsRound_thatFails_leavesTheTurnCommitted() {
    AtomicBoolean reportsDown = new AtomicBoolean(true);
    AtomicInteger reports = new AtomicInteger();
    restart(
        (tx, m, reason, now) -> {
          reports.incrementAndGet();
          if (reportsDown.get()) {
            throw new IllegalStateException("reports are down");
          }
        },
        2);
    channel.script(m -> new SendResult.Failed("Forbidden: bot was blocked by the user"));
    turn("chat-a", "refused");
    // The loop's own round failed on it; the loop now pauses a second before it claims again.
    await().atMost(WAIT).until(() -> reports.get() == 1);

    String result =
        sender.inTransaction(
            "a turn",
            tx -> {
              outbox.reply(tx, CHANNEL, "chat-b", Reply.text("to b"), CLOCK.instant());
              return "committed";
            });

    assertThat(result).isEqualTo("committed");
    assertThat(reports.get()).isEqualTo(2);
    assertThat(states()).containsExactly(OutboxState.SENDING, OutboxState.PENDING);
    reportsDown.set(false);
    await().atMost(WAIT).until(() -> channel.textsTo("chat-b").equals(List.of("to b")));
    await()
        .atMost(WAIT)
        .until(() -> states().equals(List.of(OutboxState.FAILED, OutboxState.SENT)));
  }

  @Test
  void lastSend_isRecordedShortly_whenNothingElseIsQueued() {
    queue("chat-1", "only one");
    await().atMost(Duration.ofSeconds(2)).until(() -> states().equals(List.of(OutboxState.SENT)));
    assertThat(channel.textsTo("chat-1")).containsExactly("only one");
  }

  @Test
  void messagesToOneRecipient_goOutInOrder_eachAfterTheLastIsRecorded() {
    storage
        .database()
        .useTransaction(
            "queue three",
            tx -> {
              for (String text : List.of("first", "second", "third")) {
                outbox.reply(tx, CHANNEL, "chat-1", Reply.text(text), Clock.systemUTC().instant());
              }
            });
    sender.wake();
    await().atMost(WAIT).until(() -> channel.sent().size() == 3);
    assertThat(channel.textsTo("chat-1")).containsExactly("first", "second", "third");
    await()
        .atMost(WAIT)
        .until(
            () -> states().equals(List.of(OutboxState.SENT, OutboxState.SENT, OutboxState.SENT)));
  }

  /**
   * Claimed messages that no worker has taken up are counted by channel (a reply queued now goes
   * after them: the Telegram poll waits that long); a worker taking one up counts it out.
   */
  @Test
  void waiting_countsTheClaimedMessagesNoWorkerHasTakenUp() {
    restart((tx, m, reason, now) -> {}, 1);
    Semaphore release = new Semaphore(0);
    channel.script(
        m -> {
          release.acquireUninterruptibly();
          return new SendResult.Sent("m0");
        });
    assertThat(sender.waiting(CHANNEL)).isZero();
    for (int i = 0; i < 4; i++) {
      queue("chat-" + i, "reply " + i);
    }
    // One worker: it holds the first message in the channel, and the other three wait for it.
    await().atMost(WAIT).until(() -> claimed() == 4 && sender.waiting(CHANNEL) == 3);
    assertThat(sender.waiting("another")).isZero();
    release.release();
    await().atMost(WAIT).until(() -> channel.sent().size() == 4);
    assertThat(sender.waiting(CHANNEL)).isZero();
  }

  @Test
  void close_recordsTheSendsUnderWay() {
    for (int i = 0; i < 5; i++) {
      queue("chat-" + i, "reply " + i);
    }
    await().atMost(WAIT).until(() -> channel.sent().size() == 5);
    sender.close();
    assertThat(states()).containsOnly(OutboxState.SENT).hasSize(5);
  }

  /**
   * Recording and claiming share a transaction: an outcome that cannot be recorded (here the report
   * of a failed send throws, twice) must not stop the other recipients' messages.
   */
  @Test
  void outcomeThatCannotBeRecorded_isTriedAgain_andOthersStillGoOut() {
    AtomicInteger reports = new AtomicInteger();
    restart(
        (tx, m, reason, now) -> {
          if (reports.incrementAndGet() <= 2) {
            throw new IllegalStateException("reports are down");
          }
        },
        2);
    AtomicBoolean tried = new AtomicBoolean();
    channel.script(
        m -> {
          tried.set(true);
          return new SendResult.Failed("Forbidden: bot was blocked by the user");
        });
    queue("chat-a", "refused");
    await().atMost(WAIT).untilTrue(tried);
    queue("chat-b", "to b");
    queue("chat-c", "to c");
    await().atMost(WAIT).until(() -> channel.sent().size() == 2);
    assertThat(channel.sent())
        .extracting(m -> m.recipient())
        .containsExactlyInAnyOrder("chat-b", "chat-c");
    await()
        .atMost(WAIT)
        .until(
            () -> states().equals(List.of(OutboxState.FAILED, OutboxState.SENT, OutboxState.SENT)));
    assertThat(reports.get()).isEqualTo(3);
  }

  private void queue(String chat, String text) {
    storage
        .database()
        .useTransaction(
            "queue a reply",
            tx -> outbox.reply(tx, CHANNEL, chat, Reply.text(text), Clock.systemUTC().instant()));
    sender.wake();
  }

  /** Replaces the test's sender with one of {@code workers} that reports to {@code failures}. */
  private void restart(DeliveryFailures failures, int workers) {
    sender.close();
    sender = new OutboxSender(storage, Map.of(CHANNEL, channel), failures, CLOCK, workers);
    sender.start();
  }

  /** Queues a reply as a turn does: in the sender's transaction. */
  private void turn(String chat, String text) {
    sender.inTransaction(
        "a turn",
        tx -> {
          outbox.reply(tx, CHANNEL, chat, Reply.text(text), CLOCK.instant());
          return null;
        });
  }

  private long claimed() {
    return states().stream().filter(s -> s == OutboxState.SENDING).count();
  }

  private List<OutboxState> states() {
    return storage
        .database()
        .inTransaction(
            "list the outbox",
            tx ->
                tx.list(
                    "list outbox states",
                    "select state from outbox order by seq",
                    row -> OutboxState.valueOf(row.getString("state"))));
  }

  /** Chunks H2 has written to the file so far: one per commit that changed anything. */
  private long fileWrites() {
    return storage
        .database()
        .inTransaction(
            "count file writes",
            tx ->
                tx.count(
                    "count file writes",
                    "select cast(setting_value as bigint) from information_schema.settings"
                        + " where setting_name = 'info.FILE_WRITE'"));
  }
}
