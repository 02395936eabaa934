package dev.cfpbot.storage.model;

/**
 * The answer to one form field: text, or a file (with {@code text} holding a link or null).
 *
 * @param fieldId the stable id of the form field
 */
public record Answer(String fieldId, String text, FileRef file) {

  public static Answer text(String fieldId, String text) {
    return new Answer(fieldId, text, null);
  }

  public static Answer file(String fieldId, FileRef file) {
    return new Answer(fieldId, null, file);
  }
}
