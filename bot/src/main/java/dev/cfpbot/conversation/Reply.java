package dev.cfpbot.conversation;

import dev.cfpbot.domain.FileRef;
import java.util.List;

/**
 * One message for the speaker.
 *
 * @param choices suggested answers (buttons where the channel has them)
 * @param requestContact offer the platform's "share my phone number" button
 * @param file a document to attach (exports for organizers); null for text only
 * @param upload the reply asks for a file; null otherwise
 * @param buttonKey the key the choices' buttons carry (see {@link ButtonKeys}); null for none
 */
public record Reply(
    String text,
    List<Choice> choices,
    boolean requestContact,
    FileRef file,
    UploadRequest upload,
    String buttonKey) {

  public Reply {
    choices = List.copyOf(choices);
  }

  public Reply(
      String text,
      List<Choice> choices,
      boolean requestContact,
      FileRef file,
      UploadRequest upload) {
    this(text, choices, requestContact, file, upload, null);
  }

  public Reply(String text, List<Choice> choices, boolean requestContact, FileRef file) {
    this(text, choices, requestContact, file, null);
  }

  public Reply(String text, List<Choice> choices, boolean requestContact) {
    this(text, choices, requestContact, null, null);
  }

  /** This reply with {@code text} in place of its own. */
  public Reply withText(String text) {
    return new Reply(text, choices, requestContact, file, upload, buttonKey);
  }

  /** This reply with its buttons tied to {@code key}; unchanged when it has no choices. */
  public Reply withButtonKey(String key) {
    return choices.isEmpty() ? this : new Reply(text, choices, requestContact, file, upload, key);
  }

  public static Reply text(String text, List<Choice> choices) {
    return new Reply(text, choices, false);
  }

  public static Reply text(String text) {
    return new Reply(text, List.of(), false);
  }
}
