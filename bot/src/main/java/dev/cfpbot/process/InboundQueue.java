package dev.cfpbot.process;

import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.concurrent.Shutdown;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.InboundQueueStore;
import dev.cfpbot.storage.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw platform updates, stored before they are acknowledged and handled after. A chat with stored
 * updates is drained by one thread, in batches (group commit): each turn takes the chat's oldest
 * update under a row lock and removes it in the same transaction, so that of several instances
 * storing updates of one chat, each update is handled once and in the platform's order. Whatever is
 * left — the process died, the database was away — is picked up by a sweep.
 */
public final class InboundQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboundQueue.class);
  private static final Duration SWEEP = Duration.ofSeconds(5);

  private final Storage storage;
  private final Dispatcher dispatcher;
  private final Map<String, UpdateTranslator> translators;
  private final Map<String, Drain> drains = new ConcurrentHashMap<>();

  /**
   * One thread takes every stored update's turn: group commit works best when one transaction at a
   * time writes (two lanes' batches would wait on each other's row locks — every confirmation locks
   * its event's counter until commit), and one thread keeps each chat's turns in order by itself.
   */
  private final ExecutorService turns =
      Executors.newSingleThreadExecutor(Threads.named("cfpbot-queued-turns"));

  private final Queue<Drain> ready = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean pumping = new AtomicBoolean();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(Threads.named("cfpbot-inbound-sweep"));

  /** Turns handled in one transaction at most: a batch's replies wait for its last turn. */
  static final int BATCH = 32;

  /**
   * One chat: whether its drain is running (waiting for its turn or being handled), whether it has
   * been asked to look again, and how many stored updates it expects to find (so that it does not
   * ask the database once more to learn that there are none).
   */
  private static final class Drain {
    final TurnProcessor.QueuedChat chat;
    final AtomicBoolean running = new AtomicBoolean();
    final AtomicBoolean dirty = new AtomicBoolean();
    final AtomicInteger pending = new AtomicInteger();

    Drain(TurnProcessor.QueuedChat chat) {
      this.chat = chat;
    }
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
    Drain drain =
        drains.computeIfAbsent(
            channel + "/" + chat,
            k -> new Drain(new TurnProcessor.QueuedChat(channel, chat, translators.get(channel))));
    if (atLeast) {
      drain.pending.accumulateAndGet(count, Math::max);
    } else {
      drain.pending.addAndGet(count);
    }
    drain.dirty.set(true);
    if (drain.running.compareAndSet(false, true)) {
      ready(drain);
    }
  }

  /** Queues a running drain for its next turn, starting the pump if it is idle. */
  private void ready(Drain drain) {
    ready.add(drain);
    if (pumping.compareAndSet(false, true)) {
      try {
        turns.execute(this::pump);
      } catch (RejectedExecutionException e) {
        // Stopping: the updates stay stored, for the next start.
        pumping.set(false);
      }
    }
  }

  /**
   * Takes turns while chats have updates: each round handles the oldest update of up to {@link
   * #BATCH} waiting chats in one transaction (group commit), so that under load a commit serves
   * many turns, and when one chat is busy its turns still come one at a time.
   */
  private void pump() {
    try {
      List<Drain> batch = new ArrayList<>();
      for (Drain d = ready.poll(); d != null; d = ready.poll()) {
        batch.add(d);
        if (batch.size() == BATCH || ready.isEmpty()) {
          round(batch);
          batch.clear();
        }
      }
    } finally {
      pumping.set(false);
    }
    // A chat queued after the last look but before the flag went down.
    if (!ready.isEmpty() && pumping.compareAndSet(false, true)) {
      turns.execute(this::pump);
    }
  }

  /** One turn for each chat of {@code batch} that expects an update; the others are done. */
  private void round(List<Drain> batch) {
    batch.forEach(d -> d.dirty.set(false));
    List<Drain> due =
        batch.stream()
            .filter(d -> d.pending.get() > 0)
            .sorted(Comparator.comparing((Drain d) -> d.chat.channel() + "/" + d.chat.chat()))
            .toList();
    Boolean[] found = turns(due);
    Set<Drain> failed = new HashSet<>();
    for (int i = 0; i < due.size(); i++) {
      if (found[i] == null) {
        failed.add(due.get(i)); // stays pending, for the next sweep
      } else if (found[i]) {
        due.get(i).pending.decrementAndGet();
      } else {
        // None left: another instance (or an earlier turn of this one) took it.
        due.get(i).pending.set(0);
      }
    }
    for (Drain d : batch) {
      if (!failed.contains(d) && d.pending.get() > 0) {
        ready.add(d);
      } else {
        d.running.set(false);
        // An update stored after the last look but before the flag went down.
        if (d.dirty.get() && d.running.compareAndSet(false, true)) {
          ready(d);
        }
      }
    }
  }

  /**
   * The turns of {@code due}, together when there are several; if that fails, one at a time. Null
   * for a chat whose turn could not be handled (the database is away): it is left for the sweep.
   */
  private Boolean[] turns(List<Drain> due) {
    Boolean[] found = new Boolean[due.size()];
    if (due.size() > 1) {
      try {
        boolean[] together =
            dispatcher.processor().processQueuedTogether(due.stream().map(d -> d.chat).toList());
        Arrays.setAll(found, i -> together[i]);
        return found;
      } catch (RuntimeException e) {
        log.debug("inbound queue: a batch of turns failed, handling them one by one", e);
      }
    }
    for (int i = 0; i < due.size(); i++) {
      TurnProcessor.QueuedChat c = due.get(i).chat;
      try {
        found[i] = dispatcher.processor().processQueued(c.channel(), c.chat(), c.translator());
      } catch (RuntimeException e) {
        log.warn(
            "{} chat updates not handled yet, will try again: {}", c.channel(), e.getMessage());
      }
    }
    return found;
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
    Shutdown.gently(turns, "the stored updates' turns");
  }
}
