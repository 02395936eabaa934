package dev.cfpbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a typed answer is stored as, and which answers are refused for what they are made of. */
class InputHygieneTest {
  private static final String NAME_EXAMPLE = "\n例如：张三";

  private final EngineHarness h = EngineHarness.seed();

  /** Sends {@code name} as the answer to the first question; returns the draft's id. */
  private String answerName(String name) {
    h.send("/start");
    String id = h.state.submissionId();
    h.send(name);
    return id;
  }

  /** Refused with {@code reason} (after three refusals in a row, help is offered too). */
  private void assertRefused(String id, String reason) {
    assertThat(h.last.replies()).hasSize(1);
    assertThat(h.last.replies().get(0).text()).startsWith(reason + NAME_EXAMPLE);
    assertThat(h.last.effects()).isEmpty();
    assertThat(h.answers(id)).isEmpty();
    assertThat(h.state.fieldId()).isEqualTo("name");
  }

  @Test
  void nameOfOnlyZeroWidthCharacters_isRefusedAsInvisible() {
    String id = answerName("\u200B\u200C\u200D\u2060\uFEFF");

    assertRefused(id, h.t("invalid.invisible"));
  }

  @Test
  void nameOfOnlyEmoji_orOnlyPunctuation_isRefused() {
    String id = answerName("🙂👍🏽");
    assertRefused(id, h.t("invalid.no_letters", "label", "姓名"));

    h.send("……！？——");
    assertRefused(id, h.t("invalid.no_letters", "label", "姓名"));

    h.send("\u00A0\u202E\u3164");
    assertRefused(id, h.t("invalid.invisible"));
  }

  @Test
  void invisibleAndDirectionCharacters_insideAName_areRemoved() {
    String id = answerName("\u202E张\u200B三\u200F\u2066");

    assertThat(h.answers(id)).containsEntry("name", Answer.text("name", "张三"));
  }

  @Test
  void decomposedText_isStoredComposed() {
    String id = answerName("Zoe\u0301 Mu\u0308ller");

    assertThat(h.answers(id).get("name").text()).isEqualTo("Zoé Müller").hasSize(10);
  }

  @Test
  void emojiSequences_keepTheirJoinersAndSelectors_andLongTextItsLines() {
    String id = answerName("张三 👩🏽‍💻");
    String bio = "运维工程师 ❤️ Docker 🏳️‍🌈\n第二行 👨‍👩‍👧";
    h.send(bio + "\u200B");

    assertThat(h.answers(id).get("name").text()).isEqualTo("张三 👩🏽‍💻");
    assertThat(h.answers(id).get("bio").text()).isEqualTo(bio);
  }

  @Test
  void replacementCharacters_orLoneSurrogates_areRefusedAsGarbled() {
    String id = answerName("张\uFFFD");
    assertRefused(id, h.t("invalid.encoding"));

    h.send("张\uD800三");
    assertRefused(id, h.t("invalid.encoding"));

    h.send("三\uDC00");
    assertRefused(id, h.t("invalid.encoding"));
  }

  @Test
  void aPhoto_whereTextIsExpected_getsAnswerInText_andTheQuestion_inOneMessage() {
    h.send("/start");

    TurnResult r = h.send(new Content.Unsupported("photo"));

    assertThat(r.replies())
        .containsExactly(Reply.text(h.t("invalid.not_text") + "\n\n" + SeedForm.Q1, List.of()));
    assertThat(r.effects()).isEmpty();
  }
}
