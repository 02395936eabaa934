package dev.cfpbot.organizer.agenda;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.organizer.DigestSection;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The digest's part about talks organizers may have to chase: accepted talks whose speakers have
 * not said they will come, and confirmed talks whose slides have not come.
 */
public final class AgendaDigest implements DigestSection {
  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;
  private final Storage storage;

  public AgendaDigest(CfpConfig config, Messages messages, Storage storage) {
    this.config = config;
    this.messages = messages;
    this.templates = new Templates(messages);
    this.storage = storage;
  }

  @Override
  public Optional<String> text(Tx tx, EventConfig event, Lang lang) {
    List<Submission> talks =
        storage.submissions().listSubmitted(tx, event.id()).stream()
            .filter(s -> s.state().isTalk())
            .toList();
    if (talks.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Map<String, Answer>> answers =
        storage.answers().answersOf(tx, talks.stream().map(Submission::id).toList(), false);
    Form form = config.formOf(event);
    List<String> parts = new ArrayList<>();
    named(
        parts,
        "digest.unconfirmed",
        talks,
        s -> s.state() == SubmissionState.ACCEPTED,
        form,
        answers,
        lang);
    named(
        parts,
        "digest.no_slides",
        talks,
        s ->
            s.state() == SubmissionState.CONFIRMED
                && answers.getOrDefault(s.id(), Map.of()).values().stream()
                    .allMatch(a -> a.file() == null),
        form,
        answers,
        lang);
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", parts));
  }

  /** A part headed {@code key} that names the talks {@code which} picks; none when none. */
  private void named(
      List<String> parts,
      String key,
      List<Submission> talks,
      Predicate<Submission> which,
      Form form,
      Map<String, Map<String, Answer>> answers,
      Lang lang) {
    List<String> names =
        talks.stream()
            .filter(which)
            .map(s -> templates.name(s, form, answers.getOrDefault(s.id(), Map.of()), lang))
            .toList();
    if (!names.isEmpty()) {
      parts.add(messages.text(lang, key, "count", names.size()) + "\n" + String.join("\n", names));
    }
  }
}
