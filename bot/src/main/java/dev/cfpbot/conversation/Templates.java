package dev.cfpbot.conversation;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.i18n.TimeFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Texts built from data: the answers in the seed's email-template layout, the call's summary, a
 * submission's one-line description. Shared by the engine and the organizer notifications.
 */
public final class Templates {
  private final Messages messages;

  public Templates(Messages messages) {
    this.messages = messages;
  }

  /** The answers in the order of the form, one "label：value" line per field. */
  public String answers(Form form, Map<String, Answer> answers, Lang lang) {
    String colon = lang == Lang.ZH ? "：" : ": ";
    return form.fields().stream()
        .map(f -> f.label().in(lang) + colon + value(f, answers.get(f.id()), lang))
        .collect(Collectors.joining("\n"));
  }

  /** One answer as shown to people; "(not answered)" when absent. */
  public String value(Field field, Answer answer, Lang lang) {
    if (answer == null || (answer.text() == null && answer.file() == null)) {
      return messages.text(lang, "answer.none");
    }
    if (answer.file() != null) {
      return file(answer.file());
    }
    // A choice is stored as its option's id and shown by its label. (No field: an answer to a
    // question the form no longer has, shown as it was stored.)
    if (field == null) {
      return answer.text();
    }
    return field.option(answer.text()).map(o -> o.label().in(lang)).orElse(answer.text());
  }

  /** The call's summary: title, description, time, place, deadline, topics, contact. */
  public String event(EventConfig event, Lang lang) {
    String topics =
        event.topics().stream().map(t -> "• " + t.in(lang)).collect(Collectors.joining("\n"));
    String when =
        event.startsAt() == null
            ? messages.text(lang, "event.tba")
            : TimeFormat.span(event.startsAt(), event.endsAt(), event.timeZone(), lang);
    return messages
        .text(
            lang,
            "event.summary",
            "title",
            event.title().in(lang),
            "description",
            event.description() == null ? "" : event.description().in(lang),
            "time",
            when,
            "place",
            event.place() == null ? messages.text(lang, "event.tba") : event.place().in(lang),
            "deadline",
            deadline(event, lang),
            "topics",
            topics,
            "contact",
            event.contact() == null ? "" : event.contact())
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }

  public String deadline(EventConfig event, Lang lang) {
    return TimeFormat.dateTime(event.deadline(), event.timeZone(), lang);
  }

  /** When the call opens, in the event's zone; only for a call with {@code opens_at}. */
  public String opens(EventConfig event, Lang lang) {
    return TimeFormat.dateTime(event.opensAt(), event.timeZone(), lang);
  }

  /**
   * "GZ-07《Title》" or, for a draft, "草稿《Title》"; for a deleted proposal only its code (it has no
   * answers left).
   */
  public String name(Submission submission, Form form, Map<String, Answer> answers, Lang lang) {
    if (submission.state() == SubmissionState.DELETED && submission.code() != null) {
      return submission.code();
    }
    String code =
        submission.code() == null ? messages.text(lang, "state.DRAFT") : submission.code();
    return code + " " + title(form, answers, lang);
  }

  /** The talk title in quotes: 《...》 in Chinese, "..." in English. */
  public String title(Form form, Map<String, Answer> answers, Lang lang) {
    String title =
        form.titleField()
            .map(f -> answers.get(f.id()))
            .map(Answer::text)
            .orElse(messages.text(lang, "answer.untitled"));
    return lang == Lang.ZH ? "《" + title + "》" : "“" + title + "”";
  }

  public String state(Submission submission, Lang lang) {
    return messages.text(lang, "state." + submission.state().name());
  }

  /** E.g. "slides.pdf (2.3 MB)". */
  public static String file(FileRef file) {
    return file.name() + " (" + size(file.size()) + ")";
  }

  public static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
