package dev.cfpbot.process;

import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.concurrent.Shutdown;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.InboundQueueStore;
import dev.cfpbot.storage.Storage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

  /**
   * Whether a chat's drain is running, whether it has been asked to look again, and how many stored
   * updates it expects to find (so that it does not ask the database once more to learn that there
   * are none).
   */
  private static final class Drain {
    final AtomicBoolean running = new AtomicBoolean();
    final AtomicBoolean dirty = new AtomicBoolean();
    final AtomicInteger pending = new AtomicInteger();
  }

  /**
   * @param inbox where channels store their updates: each batch stored there is drained at once
   * @param translators by channel name: the channels whose updates pass through the queue
   */
  public InboundQueue(
      Storage storage,
      UpdateInbox inbox,
      Dispatcher dispatcher,
      Map<String, UpdateTranslator> translators) {
    this.storage = storage;
    this.dispatcher = dispatcher;
    this.translators = Map.copyOf(translators);
    inbox.listen(
        (channel, perChat) -> perChat.forEach((chat, count) -> drain(channel, chat, count, false)));
  }

  /**
   * Hands over what earlier runs left, then keeps sweeping for updates that could not be handled.
   */
  public void start() {
    sweeper.scheduleWithFixedDelay(this::sweep, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Makes sure {@code chat} is being drained, expecting {@code count} more stored updates (or, from
   * a sweep, at least that many in all).
   */
  private void drain(String channel, String chat, int count, boolean atLeast) {
    Drain drain = drains.computeIfAbsent(channel + "/" + chat, k -> new Drain());
    if (atLeast) {
      drain.pending.accumulateAndGet(count, Math::max);
    } else {
      drain.pending.addAndGet(count);
    }
    drain.dirty.set(true);
    if (drain.running.compareAndSet(false, true)) {
      dispatcher.submit(channel, chat, () -> run(channel, chat, drain));
    }
  }

  private boolean run(String channel, String chat, Drain drain) {
    try {
      do {
        drain.dirty.set(false);
        while (drain.pending.get() > 0) {
          // One stored update per turn, oldest first. None left: another instance (or an
          // earlier turn of this one) took it.
          if (dispatcher.processor().processQueued(channel, chat, translators.get(channel))) {
            drain.pending.decrementAndGet();
          } else {
            drain.pending.set(0);
          }
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
        Map<String, Integer> perChat = new LinkedHashMap<>();
        left.forEach(q -> perChat.merge(q.chatId(), 1, Integer::sum));
        perChat.forEach((chat, count) -> drain(channel, chat, count, true));
      }
    } catch (RuntimeException e) {
      log.warn("inbound queue: cannot look for waiting updates: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    Shutdown.gently(sweeper, "the inbound sweep");
  }
}
