package dev.cfpbot.web;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.model.Submission;
import java.util.Optional;

/** What an upload token points at: the form field, with its limits, and the talk's title. */
public final class UploadTargets {

  /** The field a grant may fill, and the title of the talk it belongs to (for the page). */
  public record Target(UploadLinks.Grant grant, Field field, String talk) {}

  private final CfpConfig config;
  private final Storage storage;
  private final Templates templates;

  public UploadTargets(CfpConfig config, Storage storage, Messages messages) {
    this.config = config;
    this.storage = storage;
    this.templates = new Templates(messages);
  }

  /** The target of {@code grant}, if its submission, event and file field still exist. */
  public Optional<Target> find(UploadLinks.Grant grant) {
    return storage
        .database()
        .inTransaction(
            "find upload target",
            tx -> {
              Optional<Submission> submission = storage.submissions().get(tx, grant.submissionId());
              Optional<EventConfig> event = submission.flatMap(s -> config.event(s.eventId()));
              if (event.isEmpty()) {
                return Optional.empty();
              }
              Form form = config.formOf(event.get());
              Optional<Field> field =
                  form.field(grant.fieldId()).filter(f -> f.type() == FieldType.FILE);
              if (field.isEmpty()) {
                return Optional.empty();
              }
              var answers = storage.answers().answers(tx, grant.submissionId(), true);
              return Optional.of(
                  new Target(grant, field.get(), templates.title(form, answers, Lang.ZH)));
            });
  }

  /** Whether the upload with {@code messageId} has been handled (the token was used). */
  public boolean used(String channel, String messageId) {
    return storage
        .database()
        .inTransaction(
            "check upload token", tx -> storage.inbox().find(tx, channel, messageId).isPresent());
  }
}
