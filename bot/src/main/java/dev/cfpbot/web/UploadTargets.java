package dev.cfpbot.web;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import dev.cfpbot.form.Form;
import dev.cfpbot.links.UploadLinks;
import dev.cfpbot.storage.Storage;
import java.util.Map;
import java.util.Optional;

/** What an upload link points at: the proposal, its event and form, and the file field. */
public final class UploadTargets {

  /**
   * The field a grant may fill, in its proposal as it is now.
   *
   * @param answers the proposal's answers, edits included (for its title)
   * @param quotaMb how much all the speaker's files may take together
   */
  public record Target(
      UploadLinks.Grant grant,
      Submission submission,
      EventConfig event,
      Form form,
      Field field,
      Map<String, Answer> answers,
      int quotaMb) {}

  private final CfpConfig config;
  private final Storage storage;

  public UploadTargets(CfpConfig config, Storage storage) {
    this.config = config;
    this.storage = storage;
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
              int quota = config.storage().speakerQuotaMb(field.get().maxFileMb());
              return Optional.of(
                  new Target(
                      grant, submission.get(), event.get(), form, field.get(), answers, quota));
            });
  }
}
