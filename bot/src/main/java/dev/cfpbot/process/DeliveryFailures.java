package dev.cfpbot.process;

import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Instant;

/** Told of every message that could not be delivered, so that nobody is left in the dark. */
@FunctionalInterface
public interface DeliveryFailures {
  void report(Tx tx, OutboxMessage message, String reason, Instant now);
}
