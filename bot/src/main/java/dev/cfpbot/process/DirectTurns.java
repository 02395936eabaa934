package dev.cfpbot.process;

import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.concurrent.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The turns of messages a channel hands over directly and waits for: a WeChat callback waits for
 * its passive reply, the console and the upload page for their outcome. One thread takes them in
 * the order they came, and the messages waiting when it is free — up to {@link #BATCH} — share ONE
 * transaction (group commit): under load, one commit serves many turns. Each waiting caller gets
 * its own turn's result only after that commit, so every reply is still durable before it leaves.
 * When anything in the batch fails (a bug in one turn, a lost race), nothing of it is kept and its
 * messages are taken one at a time, where races are redone on fresh data and a bug costs only its
 * own message (the sorry reply).
 *
 * <p>One thread, not the dispatcher's lanes: batches on several threads would wait on each other's
 * row locks (every confirmation locks its event's counter until commit), and one thread keeps each
 * chat's messages in order by itself. Direct turns never wait on the network (an upload's file is
 * stored before its turn), so no chat can hold up the others for long.
 */
final class DirectTurns implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DirectTurns.class);

  /** Turns in one transaction at most: a batch's replies wait for its last turn. */
  static final int BATCH = 32;

  /** A message and the caller waiting for its outcome; {@link #STOP} ends the thread. */
  private record Waiting(Inbound in, CompletableFuture<HandleResult> outcome) {}

  private static final Waiting STOP = new Waiting(null, null);

  private final TurnProcessor processor;
  private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(Threads.named("cfpbot-direct-turns"));
  private volatile boolean closed;

  DirectTurns(TurnProcessor processor) {
    this.processor = processor;
    thread.execute(this::run);
  }

  /** Queues {@code in} behind the messages that came before it; completes after its commit. */
  CompletableFuture<HandleResult> submit(Inbound in) {
    Waiting w = new Waiting(in, new CompletableFuture<>());
    if (closed) {
      w.outcome.completeExceptionally(new IllegalStateException("stopping: message not handled"));
      return w.outcome;
    }
    waiting.add(w);
    if (closed && waiting.remove(w)) {
      // Closed meanwhile, and left behind the thread's last look.
      w.outcome.completeExceptionally(new IllegalStateException("stopping: message not handled"));
    }
    return w.outcome;
  }

  /** How many messages wait for the thread. */
  int waiting() {
    return waiting.size();
  }

  private void run() {
    List<Waiting> batch = new ArrayList<>();
    while (true) {
      batch.clear();
      try {
        batch.add(waiting.take());
      } catch (InterruptedException e) {
        return;
      }
      waiting.drainTo(batch, BATCH - 1);
      boolean stop = batch.remove(STOP);
      take(batch);
      if (stop) {
        return;
      }
    }
  }

  /** The turns of {@code batch}: together when there are several, else (or then) one by one. */
  private void take(List<Waiting> batch) {
    if (batch.size() > 1) {
      try {
        List<HandleResult> results =
            processor.once(
                "handle direct messages together",
                tx -> {
                  List<HandleResult> each = new ArrayList<>();
                  for (Waiting w : batch) {
                    each.add(processor.turn(tx, w.in));
                  }
                  return each;
                });
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).outcome.complete(results.get(i));
        }
        return;
      } catch (RuntimeException | Error e) {
        log.debug("direct messages: a batch of turns failed, handling them one by one", e);
      }
    }
    for (Waiting w : batch) {
      try {
        w.outcome.complete(processor.process(w.in));
      } catch (RuntimeException | Error e) {
        // The database is away, say: the caller answers so that the platform delivers it again.
        w.outcome.completeExceptionally(e);
      }
    }
  }

  /** Takes the messages already waiting, then stops (within 10 s); later ones are refused. */
  @Override
  public void close() {
    closed = true;
    waiting.add(STOP);
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Waiting w = waiting.poll(); w != null; w = waiting.poll()) {
      if (w != STOP) {
        w.outcome.completeExceptionally(new IllegalStateException("stopping: message not handled"));
      }
    }
  }
}
