package dev.cfpbot.process;

import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.storage.InboundQueueStore;
import dev.cfpbot.storage.Storage;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw platform updates, stored before they are acknowledged and handled after. A chat with stored
 * updates is drained on its lane: each turn takes the chat's oldest update under a row lock and
 * removes it in the same transaction, so that of several instances storing updates of one chat,
 * each update is handled once and in the platform's order. Whatever is left — the process died, the
 * database was away — is picked up by a sweep.
 */
public final class InboundQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboundQueue.class);
  private static final Duration SWEEP = Duration.ofSeconds(5);

  private final Storage storage;
  private final Dispatcher dispatcher;
  private final Map<String, UpdateTranslator> translators;
  private final Map<String, Drain> drains = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(Threads.named("cfpbot-inbound-sweep"));

  /** Whether a chat's drain is running, and whether it has been asked to look again. */
  private static final class Drain {
    final AtomicBoolean running = new AtomicBoolean();
    final AtomicBoolean dirty = new AtomicBoolean();
  }

  /**
   * @param translators by channel name: the channels whose updates pass through the queue
   */
  public InboundQueue(
      Storage storage, Dispatcher dispatcher, Map<String, UpdateTranslator> translators) {
    this.storage = storage;
    this.dispatcher = dispatcher;
    this.translators = Map.copyOf(translators);
    dispatcher.useQueue(this);
  }

  /**
   * Hands over what earlier runs left, then keeps sweeping for updates that could not be handled.
   */
  public void start() {
    sweeper.scheduleWithFixedDelay(this::sweep, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stores the batch in one transaction, then drains each chat it touched. */
  void accept(String channel, List<RawUpdate> updates) {
    storage
        .database()
        .useTransaction(
            "store " + channel + " updates",
            tx -> {
              for (RawUpdate u : updates) {
                storage
                    .queue()
                    .add(
                        tx,
                        channel,
                        u.externalId(),
                        u.chatId(),
                        u.sortKey(),
                        u.payload(),
                        u.receivedAt());
              }
            });
    Set<String> chats = new LinkedHashSet<>();
    updates.forEach(u -> chats.add(u.chatId()));
    chats.forEach(chat -> drain(channel, chat));
  }

  private void drain(String channel, String chat) {
    Drain drain = drains.computeIfAbsent(channel + "/" + chat, k -> new Drain());
    drain.dirty.set(true);
    if (drain.running.compareAndSet(false, true)) {
      dispatcher.submit(channel, chat, () -> run(channel, chat, drain));
    }
  }

  private boolean run(String channel, String chat, Drain drain) {
    try {
      do {
        drain.dirty.set(false);
        while (dispatcher.processor().processQueued(channel, chat, translators.get(channel))) {
          // one stored update per turn, oldest first
        }
      } while (drain.dirty.get());
    } catch (RuntimeException e) {
      log.warn("{} chat updates not handled yet, will try again: {}", channel, e.getMessage());
    } finally {
      drain.running.set(false);
    }
    // An update stored after the last look but before the flag went down.
    if (drain.dirty.get() && drain.running.compareAndSet(false, true)) {
      dispatcher.submit(channel, chat, () -> run(channel, chat, drain));
    }
    return true;
  }

  private void sweep() {
    try {
      for (String channel : translators.keySet()) {
        List<InboundQueueStore.Queued> left =
            storage
                .database()
                .inTransaction(
                    "list queued updates", tx -> storage.queue().pending(tx, channel, 500));
        Set<String> chats = new LinkedHashSet<>();
        left.forEach(q -> chats.add(q.chatId()));
        chats.forEach(chat -> drain(channel, chat));
      }
    } catch (RuntimeException e) {
      log.warn("inbound queue: cannot look for waiting updates: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
