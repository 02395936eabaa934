package dev.cfpbot.conversation;

import dev.cfpbot.form.Form;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties a button to the question it was issued for. Each reply of a speaker's turn carries the key
 * of the state the turn ended in: what the conversation is asking (step, event, proposal, field). A
 * press counts only while the conversation is still asking that, so a button of an old message —
 * another question, another proposal, a withdrawal since cancelled — and data the bot never issued
 * change nothing. The key is a digest, not a secret: a speaker who forges one gains no more than
 * typing the command, and the engine stays a pure function of its input.
 */
public final class ButtonKeys {
  /** Characters of a key: 48 bits, so that the data stays well within Telegram's 64 bytes. */
  public static final int LENGTH = 8;

  private static final Pattern KEYED = Pattern.compile("([A-Za-z0-9_-]{" + LENGTH + "}):(.*)");

  /**
   * What a press may do without a key: the buttons of a reminder, sent outside any turn, start (or
   * continue) a proposal and turn reminders off. Neither answers a question.
   */
  private static final Set<Command.Kind> WITHOUT_KEY =
      EnumSet.of(Command.Kind.START, Command.Kind.REMINDERS);

  private ButtonKeys() {}

  /**
   * What answering an acceptance may do: its buttons, sent outside any turn, carry the key of the
   * talk ({@link #ofTalk}) and act on that talk only, whatever the conversation is asking.
   */
  private static final Set<Command.Kind> FOR_TALK =
      EnumSet.of(Command.Kind.ATTEND, Command.Kind.DECLINE);

  /** The key of the question {@code state} asks. */
  public static String of(ConversationState state) {
    return digest(
        String.join(
            "\n",
            state.step().name(),
            String.valueOf(state.eventId()),
            String.valueOf(state.submissionId()),
            String.valueOf(state.fieldId())));
  }

  /** The key of the question an acceptance asks: will you give the talk {@code code}? */
  public static String ofTalk(String code) {
    return digest("ATTEND\n" + code.toUpperCase(Locale.ROOT));
  }

  /**
   * {@code text} with the answers to "will you give the talk {@code code}?" as buttons keyed to the
   * talk: for the acceptance and its reminder, both sent outside any turn.
   */
  public static Reply askAttendance(String text, String code, String attend, String decline) {
    List<Choice> answers =
        List.of(new Choice(attend, "/attend " + code), new Choice(decline, "/decline " + code));
    return Reply.text(text, answers).withButtonKey(ofTalk(code));
  }

  private static String digest(String question) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(question.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The data a button carries: {@code key:command}, or the command alone without a key. */
  public static String data(String key, String command) {
    return key == null ? command : key + ":" + command;
  }

  /** A press as its data came back: the key and the command, if the data had a key. */
  public static Content.Pressed parse(String data) {
    Matcher m = KEYED.matcher(data == null ? "" : data);
    return m.matches()
        ? new Content.Pressed(m.group(1), m.group(2))
        : new Content.Pressed(null, data == null ? "" : data);
  }

  /**
   * Whether {@code press} picks an option of the choice field {@code now} asks for: a button of
   * that question, carrying one of the field's option ids (which the engine then takes as typed).
   */
  static boolean picksOption(ConversationState now, Content.Pressed press, Supplier<Form> form) {
    if (press.key() == null || !press.key().equals(of(now)) || now.step() != Step.ASK) {
      return false;
    }
    String data = press.data() == null ? "" : press.data().strip();
    return form.get().field(now.fieldId()).flatMap(f -> f.option(data)).isPresent();
  }

  /**
   * The command {@code press} stands for when it may act now; empty when the button is no longer
   * active (its question is not the one being asked) or the data is nothing the bot issues.
   */
  static Optional<Command> command(ConversationState now, Content.Pressed press) {
    String data = press.data() == null ? "" : press.data().strip();
    Optional<Command> command = data.startsWith("/") ? Command.parse(data) : Optional.empty();
    if (press.key() == null) {
      return command.filter(c -> WITHOUT_KEY.contains(c.kind()));
    }
    if (press.key().equals(of(now))) {
      return command;
    }
    return command.filter(
        c ->
            FOR_TALK.contains(c.kind())
                && !c.arg().isEmpty()
                && press.key().equals(ofTalk(c.arg())));
  }
}
