package dev.cfpbot.organizer.review;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.conversation.Choice;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.organizer.OrganizerCommands;
import dev.cfpbot.organizer.Usage;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decisions in chat: {@code /accept GZ-07 [note]}, {@code /shortlist}, {@code /reject} (an alert's
 * buttons carry the same commands), {@code /undo GZ-07}; after the speaker was told, {@code /reject
 * GZ-07 confirm [note]} is the second step that sends them a correction.
 */
public final class DecisionCommands {
  /** The word that confirms a change of what the speaker was told, first after the code. */
  static final Set<String> CONFIRM = Set.of("confirm", "确认");

  private final Messages messages;
  private final Storage storage;
  private final Decisions decisions;
  private final Lang lang;

  public DecisionCommands(Messages messages, Storage storage, Decisions decisions, Lang lang) {
    this.messages = messages;
    this.storage = storage;
    this.decisions = decisions;
    this.lang = lang;
  }

  public void registerAll(OrganizerCommands commands) {
    commands
        .register(
            "accept", (tx, in, arg, now) -> decide(tx, in, arg, SubmissionState.ACCEPTED, now))
        .register(
            "shortlist",
            (tx, in, arg, now) -> decide(tx, in, arg, SubmissionState.SHORTLISTED, now))
        .register(
            "reject", (tx, in, arg, now) -> decide(tx, in, arg, SubmissionState.REJECTED, now))
        .register("undo", this::undo);
  }

  private List<Reply> decide(Tx tx, Inbound in, String arg, SubmissionState to, Instant now) {
    String[] parts = arg.strip().split("\\s+", 2);
    String command = "/" + command(to);
    if (parts[0].isEmpty()) {
      return Usage.of(messages, lang, command(to));
    }
    Optional<Submission> found = storage.submissions().findByCode(tx, parts[0]);
    if (found.isEmpty()) {
      return Usage.of(
          messages,
          lang,
          command(to),
          messages.text(lang, "organizer.unknown_code", "code", parts[0]));
    }
    String[] rest = parts.length > 1 ? parts[1].split("\\s+", 2) : new String[] {""};
    boolean confirmed = CONFIRM.contains(rest[0].toLowerCase(Locale.ROOT));
    String note =
        confirmed ? (rest.length > 1 ? rest[1] : null) : (parts.length > 1 ? parts[1] : null);
    Submission s = found.get();
    Decisions.Outcome outcome =
        decisions.decide(tx, s, to, Organizer.of(in, lang).actor(), note, confirmed, now);
    return switch (outcome.kind()) {
      case RECORDED -> List.of();
      case UNCHANGED ->
          reply(messages.text(lang, "decision.unchanged", "code", s.code(), "state", state(to)));
      case NOTE_TOO_LONG ->
          reply(messages.text(lang, "decision.note_too_long", "max", Decisions.MAX_NOTE));
      case NEEDS_CONFIRMATION -> {
        String confirm = command + " " + s.code() + " confirm";
        yield List.of(
            Reply.text(
                messages.text(
                    lang,
                    "decision.confirm_change",
                    "code",
                    s.code(),
                    "told",
                    state(outcome.told()),
                    "state",
                    state(to),
                    "command",
                    confirm),
                List.of(new Choice(messages.text(lang, "choice.send_correction"), confirm))));
      }
      default ->
          reply(
              messages.text(
                  lang, "organizer.cannot_decide", "code", s.code(), "state", state(s.state())));
    };
  }

  private List<Reply> undo(Tx tx, Inbound in, String arg, Instant now) {
    String code = arg.strip().split("\\s+", 2)[0];
    if (code.isEmpty()) {
      return Usage.of(messages, lang, "undo");
    }
    Optional<Submission> found = storage.submissions().findByCode(tx, code);
    if (found.isEmpty()) {
      return Usage.of(
          messages, lang, "undo", messages.text(lang, "organizer.unknown_code", "code", code));
    }
    Decisions.Outcome outcome =
        decisions.undo(tx, found.get(), Organizer.of(in, lang).actor(), now);
    return switch (outcome.kind()) {
      case UNDONE -> List.of();
      case TOO_LATE -> reply(messages.text(lang, "decision.too_late", "code", found.get().code()));
      default -> reply(messages.text(lang, "decision.nothing_to_undo", "code", found.get().code()));
    };
  }

  private static List<Reply> reply(String text) {
    return List.of(Reply.text(text));
  }

  private String state(SubmissionState state) {
    return messages.text(lang, "state." + state.name());
  }

  /** The command that decides {@code decision}: accept, shortlist, reject. */
  static String command(SubmissionState decision) {
    return switch (decision) {
      case ACCEPTED -> "accept";
      case SHORTLISTED -> "shortlist";
      case REJECTED -> "reject";
      default -> throw new IllegalArgumentException(decision + " is not a decision");
    };
  }
}
