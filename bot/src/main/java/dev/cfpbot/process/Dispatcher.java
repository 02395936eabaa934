package dev.cfpbot.process;

import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.concurrent.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs turns on a fixed set of lanes, one thread each. Every chat always lands on the same lane, so
 * a chat's messages are handled one at a time and in order, while different chats proceed in
 * parallel. Messages a channel hands over and waits for ({@link #handle}) are taken by {@link
 * DirectTurns} instead, in batches that share a commit.
 */
public final class Dispatcher implements InboundHandler, AutoCloseable {
  private final TurnProcessor processor;
  private final List<ExecutorService> lanes = new ArrayList<>();
  private final DirectTurns direct;

  public Dispatcher(TurnProcessor processor, int laneCount) {
    this.processor = processor;
    this.direct = new DirectTurns(processor);
    for (int i = 0; i < laneCount; i++) {
      lanes.add(Executors.newSingleThreadExecutor(Threads.named("cfpbot-turn-" + i)));
    }
  }

  /** Runs {@code work} on the lane of {@code chat}, after the work queued there before it. */
  public <T> CompletableFuture<T> submit(String channel, String chat, Supplier<T> work) {
    int lane = Math.floorMod((channel + "/" + chat).hashCode(), lanes.size());
    return CompletableFuture.supplyAsync(work, lanes.get(lane));
  }

  TurnProcessor processor() {
    return processor;
  }

  /** How many direct messages wait for their turn. */
  int directWaiting() {
    return direct.waiting();
  }

  /**
   * Handles {@code in} with the direct messages (group commit) and waits for the outcome: after its
   * turn has committed.
   */
  @Override
  public HandleResult handle(Inbound in) {
    try {
      return direct.submit(in).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handling a message", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    direct.close();
    lanes.forEach(ExecutorService::shutdown);
    for (ExecutorService lane : lanes) {
      try {
        lane.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
