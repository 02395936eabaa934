package dev.cfpbot.organizer;

import dev.cfpbot.conversation.Reply;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.process.DeliveryFailures;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Instant;

/** Tells the organizers about a message the bot gave up on (the digest counts them too). */
public final class FailureReports implements DeliveryFailures {
  static final String KIND = "delivery-failure";

  private final Outbox outbox;
  private final Messages messages;
  private final Lang lang;

  public FailureReports(Outbox outbox, Messages messages, Lang lang) {
    this.outbox = outbox;
    this.messages = messages;
    this.lang = lang;
  }

  @Override
  public void report(Tx tx, OutboxMessage message, String reason, Instant now) {
    if (KIND.equals(message.kind())) {
      return; // a report that failed is not reported again: that way lies a loop
    }
    String text =
        messages.text(
            lang,
            "delivery.failed",
            "kind",
            message.kind(),
            "channel",
            message.channel(),
            "reason",
            reason == null ? "" : reason);
    outbox.toOrganizers(tx, KIND, Reply.text(text), now);
  }
}
