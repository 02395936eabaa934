package dev.cfpbot.conversation;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.Validation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files a speaker's proposals keep on the server, all of them together, may take at most the
 * storage quota ({@code storage.max_mb_per_speaker}, by default three times the field's largest
 * file): one speaker cannot fill the disk by withdrawing and submitting again and again.
 */
final class FileQuota {
  static final String REASON = "invalid.file_quota";

  private FileQuota() {}

  /**
   * Why keeping {@code file} as the answer to {@code field} of the proposal being worked on would
   * go over the quota; empty when it fits (or when the file is not stored on the server at all).
   */
  static Optional<Validation.Invalid> exceeded(Turn t, Field field, Content.Attachment file) {
    FileRef stored = file.stored();
    if (stored == null || stored.path() == null) {
      return Optional.empty();
    }
    int quotaMb = t.config.storage().speakerQuotaMb(field.maxFileMb());
    Map<String, Long> kept = new HashMap<>();
    for (SubmissionView view : t.in.submissions()) {
      for (Answer answer : t.answers(view.id()).values()) {
        // The answer this file replaces no longer counts.
        boolean replaced =
            view.id().equals(t.state.submissionId()) && answer.fieldId().equals(field.id());
        FileRef f = answer.file();
        if (!replaced && f != null && f.path() != null) {
          kept.put(f.path(), f.size());
        }
      }
    }
    long total = kept.values().stream().mapToLong(Long::longValue).sum() + stored.size();
    return total > quotaMb * 1024L * 1024L
        ? Optional.of(Validation.Invalid.of("invalid.file_quota", "max", quotaMb))
        : Optional.empty();
  }
}
