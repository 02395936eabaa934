package dev.cfpbot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.app.Bot;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.SendResult;
import dev.cfpbot.channel.Sender;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored updates taken by the real bot over a fresh H2 per test, from a channel at the outer edge
 * whose payloads say what reading them does: "hold" waits until released, "unreadable" is a bug in
 * reading, "no-sender" a message the turn cannot handle (a bug in the turn); anything else is text.
 */
@ExtendWith(StorageExtension.class)
class InboundQueueTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SORRY = "抱歉，刚才出了点问题。已经保存的回答都还在，请再发一次，或发送「帮助」。";

  @TempDir Path dataDir;
  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final RecordingChannel channel = new RecordingChannel().translating(this::read);
  private final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  private Storage storage;
  private UpdateInbox inbox;
  private Bot bot;
  private int updates;

  @BeforeEach
  void start(Storage storage) {
    this.storage = storage;
    this.inbox = new UpdateInbox(storage);
    this.bot = TestBot.start(storage, channel, clock, dataDir, inbox);
  }

  @AfterEach
  void stop() {
    released.countDown();
    bot.close();
  }

  private Optional<Inbound> read(RawUpdate u) {
    String payload = u.payload();
    if (payload.equals("hold")) {
      holding.countDown();
      try {
        released.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      payload = "/start";
    } else if (payload.equals("unreadable")) {
      throw new IllegalStateException("a bug in reading an update");
    }
    Content content = new Content.Text(payload);
    Sender sender =
        payload.equals("no-sender")
            ? null
            : new Sender(u.chatId(), "Speaker " + u.chatId(), "zh-hans");
    return Optional.of(
        new Inbound(
            RecordingChannel.NAME,
            u.chatId(),
            u.externalId(),
            sender,
            true,
            content,
            u.receivedAt(),
            false));
  }

  private RawUpdate update(String chat, String payload) {
    updates++;
    return new RawUpdate("u" + updates, chat, updates, payload, clock.instant());
  }

  private int waiting() {
    return storage
        .database()
        .inTransaction(
            "count", tx -> storage.queue().pending(tx, RecordingChannel.NAME, 100).size());
  }

  @Test
  void failedBatch_isTakenOneChatAtATime_andOnlyTheFaultyTurnsAreLost() throws Exception {
    // zed's update holds the turns' thread, so that the next four wait and form one batch.
    inbox.store(RecordingChannel.NAME, List.of(update("zed", "hold")));
    assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    inbox.store(
        RecordingChannel.NAME,
        List.of(
            update("alice", "/start"),
            update("bob", "no-sender"),
            update("carol", "/start"),
            update("dave", "unreadable")));
    released.countDown();

    await().atMost(WAIT).until(() -> channel.textsTo("carol").size() == 1);
    await().atMost(WAIT).until(() -> waiting() == 0);
    // dave's next message is read: the unreadable one did not stop his chat.
    inbox.store(RecordingChannel.NAME, List.of(update("dave", "/start")));
    await().atMost(WAIT).until(() -> channel.textsTo("dave").size() == 1);

    String call = channel.textsTo("zed").get(0);
    assertThat(call).startsWith("📣 ");
    assertThat(channel.textsTo("alice")).containsExactly(call);
    assertThat(channel.textsTo("carol")).containsExactly(call);
    assertThat(channel.textsTo("bob")).containsExactly(SORRY);
    assertThat(channel.textsTo("dave")).containsExactly(call);
    assertThat(waiting()).isZero();
  }

  private boolean handled(String externalId) {
    return storage
        .database()
        .inTransaction(
            "find", tx -> storage.inbox().find(tx, RecordingChannel.NAME, externalId).isPresent());
  }

  /**
   * The Telegram poll asks for its next batch later while replies wait for a sender (a reply to
   * what it fetches would go after them): the inbox tells it how many, from the bot's outbox. Here
   * the first send holds the channel: the bot's eight senders have taken up eight of the twelve
   * replies, and four wait for one.
   */
  @Test
  void sendsWaiting_areTheClaimedRepliesNoSenderHasTakenUp() {
    Semaphore release = new Semaphore(0);
    List<RawUpdate> starts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      channel.script(
          m -> {
            release.acquireUninterruptibly();
            return new SendResult.Sent("m-" + m.recipient());
          });
      starts.add(update("chat-" + i, "/start"));
    }
    assertThat(inbox.sendsWaiting(RecordingChannel.NAME)).isZero();

    inbox.storePolled(RecordingChannel.NAME, starts);

    await().atMost(WAIT).until(() -> inbox.sendsWaiting(RecordingChannel.NAME) == 4);
    assertThat(inbox.sendsWaiting("another")).isZero();
    release.release(12);
    await().atMost(WAIT).until(() -> channel.sent().size() == 12);
    assertThat(inbox.sendsWaiting(RecordingChannel.NAME)).isZero();
  }

  @Test
  void polledUpdate_ofAnIdleChat_isHandledBeforeStorePolledReturns_andNeverQueued() {
    RawUpdate start = update("alice", "/start");

    inbox.storePolled(RecordingChannel.NAME, List.of(start));

    // Handled in the storing transaction: nothing waits for the queue's thread.
    assertThat(handled(start.externalId())).isTrue();
    assertThat(waiting()).isZero();
    await().atMost(WAIT).until(() -> channel.textsTo("alice").size() == 1);
    assertThat(channel.textsTo("alice").get(0)).startsWith("📣 ");
  }

  @Test
  void polledUpdate_ofAnIdleChat_whileTheQueuesThreadIsBusy_waitsForItsRound_andIsNeverQueued()
      throws Exception {
    // zed's stored update holds the queue's thread in the middle of its round.
    inbox.store(RecordingChannel.NAME, List.of(update("zed", "hold")));
    assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    RawUpdate start = update("alice", "/start");
    AtomicBoolean handledOnReturn = new AtomicBoolean();
    Thread poller =
        new Thread(
            () -> {
              inbox.storePolled(RecordingChannel.NAME, List.of(start));
              handledOnReturn.set(handled(start.externalId()));
            });
    poller.start();

    // The poll waits for the round to end (one writer of turns at a time) instead of storing
    // alice's update for the queue: only zed's is stored.
    await()
        .atMost(WAIT)
        .until(() -> poller.getState() == Thread.State.WAITING || !poller.isAlive());
    assertThat(waiting()).isEqualTo(1);
    released.countDown();
    poller.join(WAIT.toMillis());

    assertThat(handledOnReturn).isTrue();
    await().atMost(WAIT).until(() -> channel.textsTo("alice").size() == 1);
    assertThat(channel.textsTo("alice").get(0)).startsWith("📣 ");
    assertThat(waiting()).isZero();
  }

  @Test
  void polledBatch_largerThanARound_isHandledARoundAtATime_beforeStorePolledReturns() {
    List<RawUpdate> batch = new ArrayList<>();
    for (int i = 0; i < InboundQueue.BATCH + 8; i++) {
      batch.add(update("chat" + i, "/start"));
    }
    // Two of one chat, in different rounds: the later one sees the earlier one handled.
    batch.add(update("chat0", "帮助"));

    inbox.storePolled(RecordingChannel.NAME, batch);

    assertThat(batch).allMatch(u -> handled(u.externalId()));
    assertThat(waiting()).isZero();
    await().atMost(WAIT).until(() -> channel.textsTo("chat0").size() == 3);
    assertThat(channel.textsTo("chat0").get(1)).startsWith("可以随时发送这些指令：");
    assertThat(channel.textsTo("chat" + (InboundQueue.BATCH + 7))).hasSize(1);
  }

  @Test
  void polledUpdate_ofAChatWithAnUpdateLeftStored_waitsItsTurnBehindIt() {
    // An update a previous run stored and never handled: no drain knows of it until a sweep.
    RawUpdate older = update("alice", "/start");
    storage
        .database()
        .useTransaction(
            "leave",
            tx ->
                storage
                    .queue()
                    .add(
                        tx,
                        RecordingChannel.NAME,
                        older.externalId(),
                        "alice",
                        older.sortKey(),
                        older.payload(),
                        older.receivedAt()));
    RawUpdate newer = update("alice", "帮助");

    inbox.storePolled(RecordingChannel.NAME, List.of(newer));

    assertThat(handled(newer.externalId())).isFalse();
    // Taken after the older one: by the queue's sweep, which finds what no drain expects.
    await().atMost(WAIT.multipliedBy(2)).until(() -> channel.textsTo("alice").size() == 3);
    List<String> texts = channel.textsTo("alice");
    assertThat(texts.get(0)).startsWith("📣 ");
    // The help, which knows of the form the call started.
    assertThat(texts.get(1)).startsWith("可以随时发送这些指令：").contains("当前的问题：「姓名」");
    assertThat(texts.get(2)).isEqualTo("(1/7) 请问怎么称呼你？（姓名）");
    assertThat(waiting()).isZero();
  }

  @Test
  void polledBatch_withATurnThatFails_isStoredWhole_andOnlyTheFaultyUpdateIsLost() {
    inbox.storePolled(
        RecordingChannel.NAME, List.of(update("alice", "/start"), update("dave", "unreadable")));

    await().atMost(WAIT).until(() -> channel.textsTo("alice").size() == 1);
    await().atMost(WAIT).until(() -> waiting() == 0);
    inbox.storePolled(RecordingChannel.NAME, List.of(update("dave", "/start")));
    await().atMost(WAIT).until(() -> channel.textsTo("dave").size() == 1);

    assertThat(channel.textsTo("alice").get(0)).startsWith("📣 ");
    assertThat(channel.textsTo("dave")).containsExactly(channel.textsTo("alice").get(0));
  }
}
