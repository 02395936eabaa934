package dev.cfpbot.conversation;

import dev.cfpbot.storage.model.FileRef;
import java.util.List;

/**
 * One message for the speaker.
 *
 * @param choices suggested answers (buttons where the channel has them)
 * @param requestContact offer the platform's "share my phone number" button
 * @param file a document to attach (exports for organizers); null for text only
 */
public record Reply(String text, List<Choice> choices, boolean requestContact, FileRef file) {

  public Reply {
    choices = List.copyOf(choices);
  }

  public Reply(String text, List<Choice> choices, boolean requestContact) {
    this(text, choices, requestContact, null);
  }

  public static Reply text(String text) {
    return new Reply(text, List.of(), false);
  }
}
