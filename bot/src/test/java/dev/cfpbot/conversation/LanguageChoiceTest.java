package dev.cfpbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /lang with a language the bot does not speak, or none, says which languages there are. */
class LanguageChoiceTest {
  private static final List<Choice> LANGUAGES =
      List.of(new Choice("中文", "/lang zh"), new Choice("English", "/lang en"));

  private final EngineHarness h = EngineHarness.seed();

  @ParameterizedTest
  @ValueSource(strings = {"/lang fr", "/lang xx", "/lang", "语言", "language", "/language"})
  void unknownOrMissingLanguage_listsTheLanguages_andChangesNothing(String typed) {
    TurnResult r = h.send(typed);

    assertThat(r.replies())
        .containsExactly(new Reply("可以选择的语言：中文（/lang zh）、English（/lang en）。", LANGUAGES, false));
    assertThat(r.effects()).isEmpty();
    assertThat(h.speaker.language()).isEqualTo("zh");
  }

  @Test
  void unknownLanguage_inEnglish_listsTheLanguages_andAsksTheQuestionAgain() {
    h.send("/lang en");
    h.send("/start");

    TurnResult r = h.send("/lang fr");

    assertThat(r.replies())
        .containsExactly(
            new Reply("Languages: 中文 (/lang zh) and English (/lang en).", LANGUAGES, false),
            Reply.text("(1/7) What is your name?"));
    assertThat(r.effects()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/lang en", "english", "/lang English"})
  void namedLanguage_stillSwitches(String typed) {
    TurnResult r = h.send(typed);

    assertThat(r.effects()).containsExactly(new Effect.SetLanguage("en"));
    assertThat(r.replies()).containsExactly(Reply.text("OK, I will speak English from now on."));
  }
}
