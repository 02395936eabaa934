package dev.cfpbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The updates waiting for the bot, as Telegram keeps them: each has an increasing update_id, a
 * getUpdates with {@code offset} confirms (forgets) every update below it, and an empty queue holds
 * the request open until an update arrives or the timeout passes.
 */
final class UpdateLog {
  private final List<ObjectNode> waiting = new ArrayList<>();
  private final List<ObjectNode> all = new ArrayList<>();
  private int nextId = 1;
  private int acknowledged;
  private boolean closed;

  /** The kinds of update the bot asked for (allowed_updates); empty: all of them. */
  private List<String> allowed = List.of();

  /** Numbers the updates from {@code id} on (see {@link FakeTelegram#updatesFrom}). */
  synchronized void numberFrom(int id) {
    nextId = id;
  }

  synchronized int add(ObjectMapper json, String kind, ObjectNode content) {
    ObjectNode update = json.createObjectNode().put("update_id", nextId++);
    update.set(kind, content);
    waiting.add(update);
    all.add(update);
    notifyAll();
    return update.get("update_id").asInt();
  }

  synchronized void redeliver(int updateId) {
    all.stream()
        .filter(u -> u.get("update_id").asInt() == updateId)
        .findFirst()
        .ifPresent(
            u -> {
              waiting.add(u.deepCopy());
              notifyAll();
            });
  }

  /**
   * Telegram remembers the last allowed_updates and drops updates of other kinds: an edit the bot
   * did not ask for never reaches it.
   */
  synchronized void allow(List<String> kinds) {
    if (kinds != null) {
      allowed = List.copyOf(kinds);
    }
  }

  synchronized int messageIdOf(int updateId) {
    return all.stream()
        .filter(u -> u.get("update_id").asInt() == updateId)
        .map(u -> u.path("message").path("message_id").asInt())
        .findFirst()
        .orElseThrow();
  }

  private boolean allowed(ObjectNode update) {
    if (allowed.isEmpty()) {
      return true;
    }
    var names = update.fieldNames();
    while (names.hasNext()) {
      if (allowed.contains(names.next())) {
        return true;
      }
    }
    return false;
  }

  /** The updates from {@code offset} on, waiting up to {@code timeoutSeconds} for one. */
  synchronized JsonNode poll(int offset, int limit, int timeoutSeconds) {
    if (offset > 0) {
      waiting.removeIf(u -> u.get("update_id").asInt() < offset);
      acknowledged = Math.max(acknowledged, offset - 1);
    }
    long end = System.currentTimeMillis() + timeoutSeconds * 1000L;
    waiting.removeIf(u -> !allowed(u));
    while (waiting.isEmpty() && !closed) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        break;
      }
      try {
        wait(left);
        waiting.removeIf(u -> !allowed(u));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    ArrayNode result = new ObjectMapper().createArrayNode();
    waiting.stream().limit(limit).forEach(result::add);
    return result;
  }

  synchronized int acknowledged() {
    return acknowledged;
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
