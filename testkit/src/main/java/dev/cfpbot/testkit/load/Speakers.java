package dev.cfpbot.testkit.load;

import dev.cfpbot.testkit.FakeTelegram;
import dev.cfpbot.testkit.SentMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated speakers on the fake Bot API: each sends /start, the six seed answers, /skip and 确认,
 * one message at a time, the next as soon as the reply it waits for arrives. A reply is recognised
 * by what it says, so a reply that arrives twice (resent after a crash) is counted as a duplicate
 * and does not advance the speaker.
 */
final class Speakers {
  static final String[] SCRIPT = {
    "/start",
    "张三",
    "运维工程师，负责公司的容器平台。",
    "zhangsan_docker",
    "138 0013 8000",
    null,
    "介绍我们把单体应用迁移到 Docker 的过程和踩过的坑。",
    "/skip",
    "确认"
  };

  /** What the reply each message waits for starts with. */
  static final String[] EXPECTED = {
    "(1/7) ", "(2/7) ", "(3/7) ", "(4/7) ", "(5/7) ", "(6/7) ", "(7/7) ", "请核对你的投稿", "✅ 投稿成功"
  };

  static final int TURNS = SCRIPT.length;

  /**
   * Whether {@code text} is the reply to message {@code step} of the script: it starts with what is
   * expected, or ends its first part with it (the first question comes under the call).
   */
  static boolean answers(String text, int step) {
    return text.startsWith(EXPECTED[step]) || text.contains("\n\n" + EXPECTED[step]);
  }

  private final FakeTelegram telegram;
  private final Latencies latencies;
  private final Map<String, Speaker> speakers = new ConcurrentHashMap<>();
  private final AtomicInteger turns = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private CountDownLatch done;
  private int total;

  private final class Speaker {
    final long chat;
    int step;
    long sentAt;
    final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    Speaker(long chat) {
      this.chat = chat;
    }

    synchronized void send() {
      String text = SCRIPT[step] == null ? "演讲 " + chat : SCRIPT[step];
      sentAt = System.nanoTime();
      telegram.sendText(chat, text);
    }

    synchronized void received(String text) {
      if (seen.put(text, true) != null) {
        duplicates.incrementAndGet();
        return;
      }
      if (step >= TURNS || !answers(text, step)) {
        return; // the greeting, or something else said on the way
      }
      latencies.add(System.nanoTime() - sentAt);
      turns.incrementAndGet();
      step++;
      if (step < TURNS) {
        send();
      } else {
        done.countDown();
      }
    }
  }

  Speakers(FakeTelegram telegram, Latencies latencies) {
    this.telegram = telegram;
    this.latencies = latencies;
    telegram.onSent(this::onSent);
  }

  private void onSent(SentMessage message) {
    Speaker speaker = speakers.get(message.chatId());
    if (speaker != null && message.text() != null) {
      speaker.received(message.text());
    }
  }

  /**
   * Runs {@code count} speakers with chat ids from {@code firstChat}; returns how many finished
   * within {@code timeout}.
   */
  int run(long firstChat, int count, Duration timeout) throws InterruptedException {
    begin(firstChat, count);
    return await(timeout);
  }

  /** Starts {@code count} speakers with chat ids from {@code firstChat}, without waiting. */
  void begin(long firstChat, int count) {
    done = new CountDownLatch(count);
    total = count;
    for (int i = 0; i < count; i++) {
      Speaker s = new Speaker(firstChat + i);
      speakers.put(Long.toString(s.chat), s);
    }
    for (int i = 0; i < count; i++) {
      speakers.get(Long.toString(firstChat + i)).send();
    }
  }

  /** Waits for the speakers begun last; returns how many have finished. */
  int await(Duration timeout) throws InterruptedException {
    done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return total - (int) done.getCount();
  }

  /**
   * Sends only /start from {@code count} chats and waits for the first question in each: speakers
   * with a draft, for tests of messages to many speakers.
   */
  int startOnly(long firstChat, int count, Duration timeout) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(count);
    telegram.onSent(
        m -> {
          if (m.text() != null && answers(m.text(), 0) && Long.parseLong(m.chatId()) >= firstChat) {
            started.countDown();
          }
        });
    for (int i = 0; i < count; i++) {
      telegram.sendText(firstChat + i, SCRIPT[0]);
    }
    started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return count - (int) started.getCount();
  }

  int turns() {
    return turns.get();
  }

  int duplicates() {
    return duplicates.get();
  }
}
