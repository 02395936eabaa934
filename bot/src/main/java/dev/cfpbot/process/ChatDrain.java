package dev.cfpbot.process;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One chat of the {@link InboundQueue}: whether its drain is running (waiting for its turn or being
 * handled), whether it has been asked to look again, how many stored updates it expects to find (so
 * that it does not ask the database once more to learn that there are none), and whether its turns
 * are taken apart from the batches because one of its updates waits on the network.
 */
final class ChatDrain {
  final QueuedTurns.QueuedChat chat;
  final AtomicBoolean running = new AtomicBoolean();
  final AtomicBoolean dirty = new AtomicBoolean();
  private final AtomicInteger pending = new AtomicInteger();
  private boolean apart;

  ChatDrain(QueuedTurns.QueuedChat chat) {
    this.chat = chat;
  }

  /**
   * Expects {@code count} more stored updates (or, from a sweep, at least that many in all), and
   * marks the chat for a look.
   */
  synchronized void expect(int count, boolean atLeast, boolean fetches) {
    apart |= fetches;
    if (atLeast) {
      pending.accumulateAndGet(count, Math::max);
    } else {
      pending.addAndGet(count);
    }
    dirty.set(true);
  }

  boolean due() {
    return pending.get() > 0;
  }

  synchronized boolean apart() {
    return apart;
  }

  /**
   * What a turn found: an update (one fewer to expect) or none (another instance, or an earlier
   * turn of this one, took it). Once nothing is left, the chat's turns go back into the batches.
   */
  synchronized void found(boolean update) {
    if (update) {
      pending.decrementAndGet();
    } else {
      pending.set(0);
    }
    if (pending.get() <= 0) {
      apart = false;
    }
  }

  String key() {
    return chat.channel() + "/" + chat.chat();
  }
}
