package dev.cfpbot.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.UpdateStore;
import dev.cfpbot.concurrent.Threads;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling. The library asks for the next batch only after {@link #consume} returns, and that
 * request's offset is what tells Telegram it may forget the batch: so each batch is stored before
 * {@code consume} returns, and while it cannot be stored (the database is away) no further batch is
 * requested.
 *
 * <p>While Telegram's limits hold the sends back, the next batch is asked for later: by as long as
 * a reply queued now would wait for the sends ahead of it ({@link TelegramLimits#horizon}: those
 * booked, and those the outbox has taken up and not begun, {@link UpdateStore#sendsWaiting}), less
 * two slots, and {@link #MAX_PAUSE} at most. A reply to an update fetched now could not leave
 * before those sends anyway, so no reply leaves later; but the updates that came meanwhile arrive
 * in one batch, with one getUpdates and one commit for all of them instead of one each, which is
 * most of what a turn costs when they trickle in. (Only a send that first waits for its own chat's
 * pace takes its slot late, so a later reply can overtake it; then the pause may hold that reply
 * back, by {@link #MAX_PAUSE} at most.)
 */
final class Polling implements LongPollingUpdateConsumer {
  private static final Logger log = LoggerFactory.getLogger(Polling.class);

  /** What the bot asks Telegram for; an edit is asked for so that it is never ignored unread. */
  static final List<String> UPDATES = List.of("message", "edited_message", "callback_query");

  /** Seconds a getUpdates request waits for news. */
  static final int POLL_TIMEOUT = 50;

  /**
   * The longest wait before the next getUpdates while sends are held back: a batch under the limits
   * then holds up to 30 updates, and an update waits at Telegram (which keeps it) at most that
   * long. Stopping interrupts the wait.
   */
  static final long MAX_PAUSE = TimeUnit.SECONDS.toNanos(1);

  private final TelegramSettings settings;
  private final OkHttpClient http;
  private final TelegramUrl url;
  private final Clock clock;
  private final LongSupplier horizon;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(Threads.named("cfpbot-telegram-poll"));
  private volatile UpdateStore store;
  private volatile boolean running;

  /** Held while a batch is being stored: stopping waits for it rather than interrupt it. */
  private final Object storing = new Object();

  /** Why the last batch could not be stored, while it cannot; null when all is well. */
  private volatile String storeProblem;

  private TelegramBotsLongPollingApplication app;

  /**
   * @param horizon how long a reply queued now would wait for the sends ahead of it, in nanoseconds
   *     ({@link TelegramLimits#horizon})
   */
  Polling(
      TelegramSettings settings,
      OkHttpClient http,
      TelegramUrl url,
      Clock clock,
      LongSupplier horizon) {
    this.settings = settings;
    this.http = http;
    this.url = url;
    this.clock = clock;
    this.horizon = horizon;
  }

  void start(UpdateStore store) throws TelegramApiException {
    this.store = store;
    this.running = true;
    // Our own executor and HTTP client: nothing shared with other bots in the JVM.
    app =
        new TelegramBotsLongPollingApplication(
            ObjectMapper::new, () -> http, () -> executor, ExponentialBackOff::new);
    app.registerBot(
        settings.token(),
        () -> url,
        last ->
            GetUpdates.builder()
                .offset(last + 1)
                .limit(100)
                .timeout(POLL_TIMEOUT)
                .allowedUpdates(UPDATES)
                .build(),
        this);
  }

  @Override
  public void consume(List<Update> updates) {
    List<RawUpdate> raw =
        updates.stream()
            .map(u -> UpdateReader.raw(u, clock.instant()))
            .flatMap(Optional::stream)
            .toList();
    long backoff = 500;
    while (true) {
      synchronized (storing) {
        if (!running) {
          // Returning would let the library acknowledge the batch: fail instead, and Telegram
          // keeps it for the next start.
          throw new IllegalStateException(
              "telegram: stopping; " + raw.size() + " updates left to Telegram");
        }
        try {
          store.storePolled(TelegramChannel.NAME, raw);
          storeProblem = null;
          break;
        } catch (RuntimeException e) {
          storeProblem = e.getMessage();
          log.warn(
              "telegram: cannot store {} updates, not acknowledging them yet: {}",
              raw.size(),
              e.getMessage());
        }
      }
      // Outside the lock: an interrupt from stopping lands here, not in a database write.
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff));
      // Each attempt already waits for a connection: a short pause keeps recovery quick.
      backoff = Math.min(backoff * 2, 2_000);
    }
    if (!raw.isEmpty()) {
      pauseWhileSendsAreAhead();
    }
  }

  /** Outside the lock, as the backoff: stopping interrupts it, and the batch is stored already. */
  private void pauseWhileSendsAreAhead() {
    long pause = pauseFor(horizon.getAsLong());
    if (pause > 0) {
      LockSupport.parkNanos(pause);
    }
  }

  /**
   * The wait before the next getUpdates when a reply queued now would wait {@code horizon}
   * nanoseconds for the sends ahead of it: two slots less (the replies to the next batch are queued
   * before the senders run out), at most {@link #MAX_PAUSE}.
   */
  static long pauseFor(long horizon) {
    return Math.max(0, Math.min(MAX_PAUSE, horizon - 2 * TelegramLimits.SPACING));
  }

  /** Null while updates are stored as they come; otherwise why they are not. */
  String problem() {
    return storeProblem;
  }

  void stop() {
    running = false;
    synchronized (storing) {
      // no batch is being stored once we hold this
    }
    try {
      if (app != null) {
        app.close();
      }
    } catch (Exception e) {
      log.debug("telegram: stopping the poller: {}", e.getClass().getSimpleName());
    }
    executor.shutdownNow();
  }
}
