package dev.cfpbot.process;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.storage.InboundQueueStore;
import dev.cfpbot.storage.Storage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw platform updates, stored before they are acknowledged and handled after, on their chat's
 * lane. An update leaves the queue once its turn has committed; whatever is left — the process
 * died, the database was away — is picked up again by a sweep.
 */
public final class InboundQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboundQueue.class);
  private static final Duration SWEEP = Duration.ofSeconds(5);

  private final Storage storage;
  private final Dispatcher dispatcher;
  private final Map<String, UpdateTranslator> translators;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(Threads.named("cfpbot-inbound-sweep"));

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
    sweep();
    sweeper.scheduleWithFixedDelay(
        this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stores the batch in one transaction, then queues each update on its chat's lane. */
  void accept(String channel, List<RawUpdate> updates) {
    storage
        .database()
        .useTransaction(
            "store " + channel + " updates",
            tx -> {
              for (RawUpdate u : updates) {
                storage
                    .queue()
                    .add(tx, channel, u.externalId(), u.chatId(), u.payload(), u.receivedAt());
              }
            });
    updates.forEach(u -> schedule(channel, u));
  }

  private void schedule(String channel, RawUpdate update) {
    String key = channel + "/" + update.externalId();
    if (!inFlight.add(key)) {
      return;
    }
    dispatcher
        .submit(channel, update.chatId(), () -> handle(channel, update))
        .whenComplete(
            (ok, error) -> {
              inFlight.remove(key);
              if (error != null) {
                log.warn(
                    "{} update {} not handled yet, will try again: {}",
                    channel,
                    update.externalId(),
                    error.getMessage());
              }
            });
  }

  private boolean handle(String channel, RawUpdate update) {
    Optional<Inbound> in = translators.get(channel).translate(update);
    in.ifPresent(dispatcher.processor()::process);
    storage
        .database()
        .useTransaction(
            "remove handled update",
            tx -> storage.queue().remove(tx, channel, update.externalId()));
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
        for (InboundQueueStore.Queued q : left) {
          schedule(channel, new RawUpdate(q.externalId(), q.chatId(), q.payload(), q.receivedAt()));
        }
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
