package dev.cfpbot.channel.echo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The echo platform, in memory: users send texts to the bot and read what it sent them. The channel
 * finds it by name, as a real channel finds its platform by address.
 */
final class FakeEchoPlatform implements AutoCloseable {
  private static final Map<String, FakeEchoPlatform> RUNNING = new ConcurrentHashMap<>();

  /** What the platform hands the channel: one message of a user. */
  @FunctionalInterface
  interface Receiver {
    void receive(String user, String messageId, String text);
  }

  private final String name = "echo-" + UUID.randomUUID();
  private final Map<String, List<String>> delivered = new ConcurrentHashMap<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Receiver receiver;

  FakeEchoPlatform() {
    RUNNING.put(name, this);
  }

  static boolean exists(String name) {
    return RUNNING.containsKey(name);
  }

  static FakeEchoPlatform named(String name) {
    return RUNNING.get(name);
  }

  String name() {
    return name;
  }

  void onMessage(Receiver receiver) {
    this.receiver = receiver;
  }

  /** {@code user} sends {@code text}; returns once the bot has taken it. */
  void send(String user, String text) {
    receiver.receive(user, UUID.randomUUID().toString(), text);
  }

  void deliver(String user, String text) {
    delivered.computeIfAbsent(user, u -> new CopyOnWriteArrayList<>()).add(text);
  }

  /** What the bot sent {@code user}, in order. */
  List<String> texts(String user) {
    return List.copyOf(delivered.getOrDefault(user, List.of()));
  }

  void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    RUNNING.remove(name);
    closed.countDown();
  }
}
