package dev.cfpbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limits the bot keeps before Telegram counts, computed on a clock the test moves. */
class TelegramLimitsTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  private static final long MS = Duration.ofMillis(1).toNanos();
  private static final long WINDOW = TelegramLimits.WINDOW;

  @Test
  void reserve_putsAtMost30SendsIntoAnySlidingSecond_andABacklogLeavesInBurstsOf30()
      throws InterruptedException {
    AtomicLong clock = new AtomicLong(5 * SECOND);
    TelegramLimits limits = new TelegramLimits(true, clock::get);
    List<Long> sends = new ArrayList<>();
    // 300 messages to 300 chats, all ready at once: the old bucket let 28 go at once and 28 more
    // within the same second.
    for (int chat = 0; chat < 300; chat++) {
      sends.add(clock.get() + limits.reserve(String.valueOf(1000 + chat)));
    }
    for (int i = 0; i + 30 < sends.size(); i++) {
      assertThat(sends.get(i + 30) - sends.get(i)).isGreaterThan(SECOND);
    }
    assertThat(sends.get(0)).isEqualTo(5 * SECOND);
    assertThat(sends.get(29)).isEqualTo(5 * SECOND);
    assertThat(sends.get(30)).isEqualTo(5 * SECOND + WINDOW);
    assertThat(sends.get(299)).isEqualTo(5 * SECOND + 9 * WINDOW);
  }

  @Test
  void reserve_asSendsTrickleIn_keepsAnyThirtyOneInARowMoreThanASecondApart()
      throws InterruptedException {
    AtomicLong clock = new AtomicLong(0);
    TelegramLimits limits = new TelegramLimits(true, clock::get);
    List<Long> sends = new ArrayList<>();
    // Ready at uneven times, some while the window is full: 12 ms apart, then a pause, again.
    for (int i = 0; i < 200; i++) {
      clock.addAndGet(i % 50 == 49 ? 700 * MS : 12 * MS);
      sends.add(clock.get() + limits.reserve(String.valueOf(1000 + i)));
    }
    for (int i = 0; i + 30 < sends.size(); i++) {
      assertThat(sends.get(i + 30) - sends.get(i)).isGreaterThanOrEqualTo(WINDOW);
      assertThat(sends.get(i + 1)).isGreaterThanOrEqualTo(sends.get(i));
    }
    // The first 30 had room (30 × 12 ms); the 31st waits for the first to leave the window.
    assertThat(sends.get(29)).isEqualTo(30 * 12 * MS);
    assertThat(sends.get(30)).isEqualTo(12 * MS + WINDOW);
  }

  @Test
  void reserve_fromEightSendersAtOnce_neverPutsThirtyOneIntoOneWindow() throws Exception {
    // Eight senders at once, the clock moving on at every reading. (With the window's slots
    // updated outside the lock, this put 31 sends into one window in three runs of three.)
    AtomicLong clock = new AtomicLong(0);
    ThreadLocal<Long> lastRead = new ThreadLocal<>();
    TelegramLimits limits =
        new TelegramLimits(
            true,
            () -> {
              long now = clock.addAndGet(3 * MS);
              lastRead.set(now);
              return now;
            });
    List<Long> sends = Collections.synchronizedList(new ArrayList<>());
    ExecutorService senders = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int s = 0; s < 8; s++) {
      int sender = s;
      done.add(
          senders.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  String chat = String.valueOf(100_000 + sender * 1_000 + i);
                  long wait = limits.reserve(chat);
                  // The slot: the time reserve last read, and the wait it returned from it.
                  sends.add(lastRead.get() + wait);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    senders.shutdown();

    // In the order of time, each send is at least a window after the one 30 before it.
    List<Long> inTime = sends.stream().sorted().toList();
    assertThat(inTime).hasSize(800);
    for (int i = 0; i + 30 < inTime.size(); i++) {
      assertThat(inTime.get(i + 30) - inTime.get(i)).isGreaterThanOrEqualTo(WINDOW);
    }
  }

  @Test
  void reserve_afterAQuietSpell_sendsAtOnce() throws InterruptedException {
    AtomicLong clock = new AtomicLong(0);
    TelegramLimits limits = new TelegramLimits(true, clock::get);
    assertThat(limits.reserve("1")).isZero();
    clock.addAndGet(SECOND);
    assertThat(limits.reserve("2")).isZero();
  }

  @Test
  void horizonOfTheNextSend_isWhenTheWindowHasRoomAgain_andZeroWhileItHasOrWhenNotPaced()
      throws InterruptedException {
    AtomicLong clock = new AtomicLong(5 * SECOND);
    TelegramLimits limits = new TelegramLimits(true, clock::get);
    assertThat(limits.horizon(0)).isZero();
    for (int chat = 0; chat < 29; chat++) {
      limits.reserve(String.valueOf(1000 + chat));
    }
    assertThat(limits.horizon(0)).isZero();
    limits.reserve("1029");
    // Thirty sends now: the next may start when the first leaves the window.
    assertThat(limits.horizon(0)).isEqualTo(WINDOW);
    clock.addAndGet(300 * MS);
    assertThat(limits.horizon(0)).isEqualTo(WINDOW - 300 * MS);
    clock.addAndGet(SECOND);
    assertThat(limits.horizon(0)).isZero();

    TelegramLimits off = new TelegramLimits(false, clock::get);
    off.reserve("1000");
    assertThat(off.horizon(0)).isZero();
  }

  @Test
  void horizon_isTheSlotASendWouldTakeAfterThoseWaiting_andZeroWhenNotPaced()
      throws InterruptedException {
    AtomicLong clock = new AtomicLong(5 * SECOND);
    TelegramLimits limits = new TelegramLimits(true, clock::get);
    assertThat(limits.horizon(0)).isZero();
    // Nothing booked, 40 taken up by the outbox and waiting for a sender: 30 go at once, 10 a
    // window later, and a send handed over now goes with them.
    assertThat(limits.horizon(29)).isZero();
    assertThat(limits.horizon(40)).isEqualTo(WINDOW);
    for (int chat = 0; chat < 30; chat++) {
      limits.reserve(String.valueOf(1000 + chat));
    }
    assertThat(limits.horizon(0)).isEqualTo(WINDOW);
    assertThat(limits.horizon(40)).isEqualTo(2 * WINDOW);
    clock.addAndGet(100 * MS);
    assertThat(limits.horizon(40)).isEqualTo(2 * WINDOW - 100 * MS);

    TelegramLimits off = new TelegramLimits(false, clock::get);
    off.reserve("1000");
    assertThat(off.horizon(40)).isZero();
  }

  /** While sends are held back, the poll asks for the next batch later (Polling). */
  @Test
  void pollsPause_isTheHorizonLessTwoSlots_atMostOneSecond() {
    long slot = TelegramLimits.SPACING;
    assertThat(Polling.pauseFor(0)).isZero();
    assertThat(Polling.pauseFor(2 * slot)).isZero();
    assertThat(Polling.pauseFor(5 * slot)).isEqualTo(3 * slot);
    assertThat(Polling.pauseFor(25 * slot)).isEqualTo(23 * slot);
    assertThat(Polling.pauseFor(32 * slot)).isEqualTo(SECOND);
    assertThat(Polling.pauseFor(10 * SECOND)).isEqualTo(SECOND);
  }

  @Test
  void chatBucket_allowsABurstOfThreeThenOnePer1050Ms() {
    TelegramLimits.ChatBucket chat = TelegramLimits.ChatBucket.of("42");
    long now = 0;
    for (int i = 0; i < 3; i++) {
      assertThat(chat.waitAt(now)).isZero();
      chat.take(now);
    }
    assertThat(chat.waitAt(now)).isEqualTo(Duration.ofMillis(1050).toNanos());
    now += Duration.ofMillis(1050).toNanos();
    assertThat(chat.waitAt(now)).isZero();
    chat.take(now);
    assertThat(chat.waitAt(now)).isEqualTo(Duration.ofMillis(1050).toNanos());
  }

  @Test
  void chatBucket_countsTheSpacingFromWhenTheSendWasAnswered() {
    TelegramLimits.ChatBucket chat = TelegramLimits.ChatBucket.of("42");
    for (int i = 0; i < 3; i++) {
      chat.take(0);
    }
    long answered = Duration.ofMillis(400).toNanos();
    // The last send of the burst left 400 ms after its slot (a busy machine, a slow network):
    // Telegram saw it then, so the next one waits 1,050 ms from then, not from the slot.
    chat.sent(answered);

    assertThat(chat.waitAt(Duration.ofMillis(1050).toNanos())).isEqualTo(answered);
    assertThat(chat.waitAt(answered + Duration.ofMillis(1050).toNanos())).isZero();
  }

  @Test
  void chatBucket_ofAGroup_allows19AMinute() {
    TelegramLimits.ChatBucket group = TelegramLimits.ChatBucket.of("-100123");
    for (int i = 0; i < 19; i++) {
      assertThat(group.waitAt(0)).isZero();
      group.take(0);
    }
    assertThat(group.waitAt(0)).isEqualTo(Duration.ofMinutes(1).dividedBy(19).toNanos());
  }
}
