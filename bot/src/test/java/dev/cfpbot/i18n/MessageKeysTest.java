package dev.cfpbot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.process.SubmissionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text the code asks for exists in messages.yaml, in both languages. */
class MessageKeysTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final String KEY = "\"([a-z][a-z_]*(?:\\.[A-Za-z_]+)*)\"";

  /** A key with a dot: in a bare ternary, undotted strings are other things (update kinds). */
  private static final String DOTTED_KEY = "\"([a-z][a-z_]*(?:\\.[A-Za-z_]+)+)\"";

  /** Calls that take a message key as a string literal (after whitespace is collapsed). */
  private static final List<Pattern> KEY_USES =
      Stream.of(
              // t.t("key", ...) and t("key", ...) in the engine
              "\\bt\\(" + KEY,
              // messages.text(lang, "key", ...)
              "\\.text\\([A-Za-z_.()]+, " + KEY,
              // Validation.Invalid.of("invalid.x", ...): the reason is a key
              "Invalid\\.of\\(" + KEY,
              // nothing(t, "key"), explainNone(t, "key", ...)
              "(?:nothing|explainNone)\\(t, " + KEY,
              // pick(t, options, Step.X, "key", "/command ")
              "Step\\.[A-Z_]+, " + KEY,
              // cond ? "key" : "key" inside any of the above
              "\\? " + DOTTED_KEY + " : " + DOTTED_KEY)
          .map(Pattern::compile)
          .toList();

  /** t.choice("x", ...) says the text "choice.x". */
  private static final Pattern CHOICE = Pattern.compile("\\.choice\\(" + KEY);

  private static final Messages MESSAGES = Messages.defaults();

  @Test
  void everyKeyTheSourcesUse_existsInMessagesYaml() {
    Set<String> used = usedKeys();

    assertThat(used)
        .contains(
            "closed.event",
            "delivery.failed",
            "organizer.cannot_decide",
            "invalid.phone",
            "invalid.stuck_optional",
            "help.field_optional",
            "withdraw.pick",
            "edit.nothing",
            "choice.confirm_withdraw",
            "help",
            "privacy");
    assertThat(MESSAGES.keys()).containsAll(used);
  }

  @Test
  void everySubmissionState_hasAStateText() {
    for (SubmissionState state : SubmissionState.values()) {
      assertThat(MESSAGES.keys()).contains("state." + state.name());
    }
  }

  @Test
  void everyNonDraftState_andEdits_haveADigestLine() {
    for (SubmissionState state : SubmissionState.values()) {
      if (state != SubmissionState.DRAFT) {
        assertThat(MESSAGES.keys()).contains("digest.change." + state.name());
      }
    }
    assertThat(MESSAGES.keys()).contains("digest.change.EDITED");
  }

  @Test
  void everyDecision_hasATextForTheSpeaker() {
    for (SubmissionState decision :
        List.of(SubmissionState.SHORTLISTED, SubmissionState.ACCEPTED, SubmissionState.REJECTED)) {
      assertThat(MESSAGES.keys()).contains("decision." + decision.name());
    }
  }

  @Test
  void everySubmissionEvent_hasAnAlertForTheOrganizers() {
    for (SubmissionEvent.Type type : SubmissionEvent.Type.values()) {
      assertThat(MESSAGES.keys()).contains("alert." + type.name().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void everyText_existsInBothLanguages() {
    for (String key : MESSAGES.keys()) {
      assertThat(MESSAGES.text(Lang.ZH, key)).as(key).isNotBlank();
      assertThat(MESSAGES.text(Lang.EN, key)).as(key).isNotBlank();
      assertThat(MESSAGES.text(Lang.EN, key)).as(key).isNotEqualTo(MESSAGES.text(Lang.ZH, key));
    }
  }

  private static Set<String> usedKeys() {
    Set<String> keys = new TreeSet<>();
    for (String source : sources()) {
      String code = source.replaceAll("\\s+", " ").replace("( ", "(");
      for (Pattern use : KEY_USES) {
        Matcher m = use.matcher(code);
        while (m.find()) {
          for (int g = 1; g <= m.groupCount(); g++) {
            keys.add(m.group(g));
          }
        }
      }
      Matcher choice = CHOICE.matcher(code);
      while (choice.find()) {
        keys.add("choice." + choice.group(1));
      }
    }
    return keys;
  }

  private static List<String> sources() {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .map(MessageKeysTest::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void scan_findsKeysSplitOverLines() {
    String code = "t.say(\n  t.t(\n      \"closed.event\",\n \"title\", x));";
    Pattern use = KEY_USES.get(0);
    Matcher m = use.matcher(code.replaceAll("\\s+", " ").replace("( ", "("));

    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo("closed.event");
  }
}
