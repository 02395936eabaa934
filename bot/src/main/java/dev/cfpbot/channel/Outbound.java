package dev.cfpbot.channel;

import dev.cfpbot.conversation.Choice;
import dev.cfpbot.conversation.UploadRequest;
import dev.cfpbot.domain.FileRef;
import java.util.List;

/**
 * A message to send, as stored in the outbox.
 *
 * @param id the outbox id: stable across retries, usable as an idempotency key
 * @param kind what it is for: reply, alert, digest, announcement, decision, reminder
 * @param choices suggested answers; channels without buttons ignore them (the text says it all)
 * @param requestContact offer a "share my phone number" button where the platform has one
 * @param file a document to attach; null for text only
 * @param upload the message asks for a file: channels add an upload link where they need one
 * @param buttonKey the key the choices' buttons carry back when pressed (a speaker's reply: the
 *     question it asks); null for buttons without one (organizer alerts, reminders)
 */
public record Outbound(
    String id,
    String channel,
    String recipient,
    String kind,
    String text,
    List<Choice> choices,
    boolean requestContact,
    FileRef file,
    UploadRequest upload,
    String buttonKey) {

  public Outbound {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public Outbound(
      String id,
      String channel,
      String recipient,
      String kind,
      String text,
      List<Choice> choices,
      boolean requestContact,
      FileRef file,
      UploadRequest upload) {
    this(id, channel, recipient, kind, text, choices, requestContact, file, upload, null);
  }
}
