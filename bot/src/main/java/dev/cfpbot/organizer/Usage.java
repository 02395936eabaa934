package dev.cfpbot.organizer;

import dev.cfpbot.conversation.Reply;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import java.util.Arrays;
import java.util.List;

/**
 * The answer to an organizer command given missing or wrong arguments: what was wrong, if anything
 * can be said, then the command's usage. The usage lines are those of the organizers' /help ({@code
 * organizer.help}) that start with the command, so that the two never disagree and an operator's
 * own wording of the help is the one quoted.
 */
public final class Usage {
  private Usage() {}

  /** The usage of {@code /command}. */
  public static List<Reply> of(Messages messages, Lang lang, String command) {
    return List.of(Reply.text(usage(messages, lang, command)));
  }

  /** {@code problem} (already worded), then the usage of {@code /command}. */
  public static List<Reply> of(Messages messages, Lang lang, String command, String problem) {
    return List.of(Reply.text(problem + "\n" + usage(messages, lang, command)));
  }

  /** An argument {@code /command} does not take, then its usage. */
  public static List<Reply> badArgument(Messages messages, Lang lang, String command, String arg) {
    return of(messages, lang, command, messages.text(lang, "organizer.bad_argument", "arg", arg));
  }

  private static String usage(Messages messages, Lang lang, String command) {
    String name = "/" + command;
    List<String> lines =
        Arrays.stream(messages.text(lang, "organizer.help").split("\n"))
            .map(String::strip)
            .filter(line -> line.split("\\s+", 2)[0].equals(name))
            .toList();
    return messages.text(
        lang, "organizer.usage", "usage", lines.isEmpty() ? name : String.join("\n", lines));
  }
}
