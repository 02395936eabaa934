package dev.cfpbot.domain;

/**
 * The answer to one form field: text, or a file (with {@code text} holding a link or null).
 *
 * @param fieldId the stable id of the form field
 * @param messageId the platform's id of the message that gave this answer, so that an edit of that
 *     message can change it; null when none did (a file, a button, a platform without ids)
 */
public record Answer(String fieldId, String text, FileRef file, String messageId) {

  public Answer(String fieldId, String text, FileRef file) {
    this(fieldId, text, file, null);
  }

  public static Answer text(String fieldId, String text) {
    return new Answer(fieldId, text, null);
  }

  /** A typed answer, given by the platform's message {@code messageId}. */
  public static Answer text(String fieldId, String text, String messageId) {
    return new Answer(fieldId, text, null, messageId);
  }

  public static Answer file(String fieldId, FileRef file) {
    return new Answer(fieldId, null, file);
  }
}
