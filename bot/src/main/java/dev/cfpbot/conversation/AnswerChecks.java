package dev.cfpbot.conversation;

import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import dev.cfpbot.form.FieldValidator;
import dev.cfpbot.form.Validation;

/**
 * What a message's content means as an answer to a field: typed text is checked by the field's
 * rules, a file by its name, size and what the channel made of it, a shared contact or a link card
 * where the field takes one; anything else is not an answer here.
 */
final class AnswerChecks {
  private AnswerChecks() {}

  static Validation validate(Field field, Content content) {
    if (content instanceof Content.Text text) {
      return FieldValidator.validate(field, text.text());
    }
    if (content instanceof Content.Attachment a) {
      if (field.type() != FieldType.FILE) {
        return Validation.Invalid.of("invalid.not_text");
      }
      if (a.refusal() == Content.Refusal.TOO_LARGE_FOR_CHANNEL) {
        return Validation.Invalid.of("invalid.file_too_big_here");
      }
      if (a.refusal() == Content.Refusal.CONTENT_MISMATCH) {
        return Validation.Invalid.of("invalid.file_type");
      }
      if (a.refusal() == Content.Refusal.NOT_RECEIVED) {
        return Validation.Invalid.of("invalid.file_not_received");
      }
      return FieldValidator.validateFile(field, a.fileName(), a.size());
    }
    if (content instanceof Content.SharedContact c
        && (field.type() == FieldType.PHONE || field.type() == FieldType.WECHAT_ID)) {
      return FieldValidator.validate(field, c.phone());
    }
    if (content instanceof Content.Link link
        && (field.type() == FieldType.FILE || field.type() == FieldType.URL)) {
      return FieldValidator.validate(field, link.url());
    }
    return Validation.Invalid.of(
        field.type() == FieldType.FILE ? "invalid.file_text" : "invalid.not_text");
  }
}
