package dev.cfpbot.process;

import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.concurrent.Shutdown;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.storage.InboundQueueStore;
import dev.cfpbot.storage.Storage;
import java.time.Duration;
import java.util.ArrayList;
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
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw platform updates, stored before they are acknowledged and handled after. A chat with stored
 * updates is drained by one thread, in batches (group commit): each turn takes the chat's oldest
 * update under a row lock and removes it in the same transaction, so that of several instances
 * storing updates of one chat, each update is handled once and in the platform's order. A chat
 * whose update waits on the network (a document to fetch) takes its turns on its dispatcher lane
 * instead, so that the download holds up nobody else. Whatever is left — the process died, the
 * database was away — is picked up by a sweep. A long poll's batch skips the queue for chats with
 * nothing stored and nothing under way ({@link IdleTurns}).
 */
public final class InboundQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboundQueue.class);
  private static final Duration SWEEP = Duration.ofSeconds(5);

  private final Storage storage;
  private final Dispatcher dispatcher;
  private final QueuedTurns queued;
  private final IdleTurns idle;
  private final Map<String, UpdateTranslator> translators;
  private final Map<String, ChatDrain> drains = new ConcurrentHashMap<>();

  /**
   * One thread takes the stored updates' turns: group commit works best when one transaction at a
   * time writes (two lanes' batches would wait on each other's row locks — every confirmation locks
   * its event's counter until commit), and one thread keeps each chat's turns in order by itself.
   */
  private final ExecutorService turns =
      Executors.newSingleThreadExecutor(Threads.named("cfpbot-queued-turns"));

  /**
   * Held while a transaction of turns is written, by the pump or by a long poll taking its idle
   * chats' turns ({@link IdleTurns}): one writer at a time, as above, whichever thread it is.
   */
  private final ReentrantLock writing = new ReentrantLock();

  private final Queue<ChatDrain> ready = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean pumping = new AtomicBoolean();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(Threads.named("cfpbot-inbound-sweep"));

  /** Turns handled in one transaction at most: a batch's replies wait for its last turn. */
  static final int BATCH = 32;

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
    this.queued = new QueuedTurns(dispatcher.processor(), storage);
    this.idle = new IdleTurns(dispatcher.processor(), storage);
    this.translators = Map.copyOf(translators);
    inbox.listen((channel, updates) -> heard(channel, updates, false), this::storeOrTake);
  }

  /**
   * Part of a polled batch (at most {@link #BATCH} updates): the idle chats' turns are taken at
   * once ({@link IdleTurns}), the rest stored, between the pump's rounds. A batch used to be all
   * stored while the pump was busy, so that polling and turns ran side by side; but under load the
   * pump is always busy, and storing each update, reading it back under a lock and removing it cost
   * more (8 % of a burst's CPU) than the poll's next request waiting for the turns.
   */
  private List<RawUpdate> storeOrTake(String channel, List<RawUpdate> updates) {
    UpdateTranslator translator = translators.get(channel);
    if (translator == null || updates.size() > BATCH) {
      return null;
    }
    writing.lock();
    try {
      return idle.storeOrTake(
          channel,
          translator,
          updates,
          chat -> {
            ChatDrain drain = drains.get(channel + "/" + chat);
            return drain != null && drain.running.get();
          });
    } finally {
      writing.unlock();
    }
  }

  /**
   * Hands over what earlier runs left, then keeps sweeping for updates that could not be handled.
   */
  public void start() {
    sweeper.scheduleWithFixedDelay(this::sweep, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Makes sure the chats of {@code updates} are being drained, expecting these updates (or, from a
   * sweep, at least these in all).
   */
  private void heard(String channel, List<RawUpdate> updates, boolean atLeast) {
    UpdateTranslator translator = translators.get(channel);
    Map<String, Integer> counts = new LinkedHashMap<>();
    Set<String> fetching = new HashSet<>();
    for (RawUpdate u : updates) {
      counts.merge(u.chatId(), 1, Integer::sum);
      if (translator.fetches(u)) {
        fetching.add(u.chatId());
      }
    }
    counts.forEach(
        (chat, count) -> {
          ChatDrain drain =
              drains.computeIfAbsent(
                  channel + "/" + chat,
                  k -> new ChatDrain(new QueuedTurns.QueuedChat(channel, chat, translator)));
          drain.expect(count, atLeast, fetching.contains(chat));
          if (drain.running.compareAndSet(false, true)) {
            ready(drain);
          }
        });
  }

  /** Queues a running drain for its next turn, starting the pump if it is idle. */
  private void ready(ChatDrain drain) {
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
      List<ChatDrain> batch = new ArrayList<>();
      for (ChatDrain d = ready.poll(); d != null; d = ready.poll()) {
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

  /**
   * One turn for each chat of {@code batch} that expects an update: together, except for chats
   * whose next update waits on the network, which take their turn on their dispatcher lane.
   */
  private void round(List<ChatDrain> batch) {
    List<ChatDrain> due = new ArrayList<>();
    for (ChatDrain d : batch) {
      d.dirty.set(false);
      if (!d.due()) {
        stop(d);
      } else if (d.apart()) {
        apart(d);
      } else {
        due.add(d);
      }
    }
    due.sort(Comparator.comparing(ChatDrain::key));
    Boolean[] found;
    writing.lock();
    try {
      found = queued.turns(due.stream().map(d -> d.chat).toList());
    } finally {
      writing.unlock();
    }
    for (int i = 0; i < due.size(); i++) {
      settle(due.get(i), found[i]);
    }
  }

  /**
   * A turn that may wait on the network (a document to fetch) is taken on the chat's dispatcher
   * lane, not by the thread every other chat's turns wait for.
   */
  private void apart(ChatDrain d) {
    try {
      dispatcher
          .submit(d.chat.channel(), d.chat.chat(), () -> queued.turn(d.chat))
          .whenComplete((found, error) -> settle(d, error == null ? found : null));
    } catch (RejectedExecutionException e) {
      d.running.set(false); // Stopping: the updates stay stored, for the next start.
    }
  }

  /**
   * After a chat's turn: on to its next update, or done. Null: the turn could not be handled (the
   * database is away), and the chat is left for the sweep.
   */
  private void settle(ChatDrain d, Boolean found) {
    if (found != null) {
      d.found(found);
      if (d.due()) {
        ready(d);
        return;
      }
    }
    stop(d);
  }

  private void stop(ChatDrain d) {
    d.running.set(false);
    // An update stored after the last look but before the flag went down.
    if (d.dirty.get() && d.running.compareAndSet(false, true)) {
      ready(d);
    }
  }

  private void sweep() {
    try {
      for (String channel : translators.keySet()) {
        List<InboundQueueStore.Queued> left =
            storage
                .database()
                .inTransaction(
                    "list queued updates", tx -> storage.queue().pending(tx, channel, 500));
        heard(channel, left.stream().map(QueuedTurns::raw).toList(), true);
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
