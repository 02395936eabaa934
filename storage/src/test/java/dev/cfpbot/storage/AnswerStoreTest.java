package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.storage.testing.StorageExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class AnswerStoreTest {
  private Storage storage;
  private AnswerStore answers;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    answers = storage.answers();
    Fixtures.insertSpeaker(storage, "sp-1");
    use(
        storage,
        tx -> {
          storage.submissions().insertDraft(tx, "s-1", "gz-2027", "sp-1", BASE);
          storage.submissions().insertDraft(tx, "s-2", "gz-2027", "sp-1", BASE);
          storage.submissions().insertDraft(tx, "s-3", "gz-2027", "sp-1", BASE);
        });
  }

  private void put(String submission, Answer answer, boolean pending) {
    use(storage, tx -> answers.put(tx, submission, answer, pending, BASE));
  }

  private Map<String, Answer> read(String submission, boolean includePending) {
    return in(storage, (Tx tx) -> answers.answers(tx, submission, includePending));
  }

  @Test
  void put_sameField_replacesAnswer() {
    put("s-1", Answer.text("title", "First"), false);
    put("s-1", Answer.text("title", "Second"), false);

    assertThat(read("s-1", false)).containsExactly(entry("title", Answer.text("title", "Second")));
  }

  @Test
  void fileReferenced_byAConfirmedOrAPendingAnswer_untilNoneRefersToIt() {
    FileRef slides = new FileRef("s.pdf", "application/pdf", 10, "ab", "files/ab/ab-1.pdf", null);
    FileRef edit = new FileRef("t.pdf", "application/pdf", 10, "cd", "files/cd/cd-1.pdf", null);
    put("s-1", Answer.file("slides", slides), false);
    put("s-2", Answer.file("slides", edit), true);

    assertThat(referenced("files/ab/ab-1.pdf")).isTrue();
    assertThat(referenced("files/cd/cd-1.pdf")).isTrue();
    assertThat(referenced("files/ef/ef-1.pdf")).isFalse();
    put("s-1", Answer.text("slides", "https://pan.example/s"), false);
    assertThat(referenced("files/ab/ab-1.pdf")).isFalse();
  }

  private boolean referenced(String path) {
    return in(storage, (Tx tx) -> answers.fileReferenced(tx, path));
  }

  @Test
  void answers_withoutAnswers_isEmpty() {
    assertThat(read("s-1", true)).isEmpty();
  }

  @Test
  void answers_pendingEdits_hiddenUnlessIncludePending() {
    put("s-1", Answer.text("title", "Confirmed"), false);
    put("s-1", Answer.text("title", "Edited"), true);
    put("s-1", Answer.text("abstract", "New"), true);

    assertThat(read("s-1", false))
        .containsExactly(entry("title", Answer.text("title", "Confirmed")));
    assertThat(read("s-1", true))
        .containsOnly(
            entry("title", Answer.text("title", "Edited")),
            entry("abstract", Answer.text("abstract", "New")));
    assertThat(in(storage, (Tx tx) -> answers.hasPending(tx, "s-1"))).isTrue();
  }

  @Test
  void answers_pendingRemovalMarker_hidesConfirmedAnswerWhenIncludingPending() {
    put("s-1", Answer.text("bio", "Old bio"), false);
    put("s-1", Answer.text("title", "Talk"), false);
    put("s-1", new Answer("bio", null, null), true);

    assertThat(read("s-1", true)).containsExactly(entry("title", Answer.text("title", "Talk")));
    assertThat(read("s-1", false))
        .containsOnly(
            entry("bio", Answer.text("bio", "Old bio")),
            entry("title", Answer.text("title", "Talk")));
  }

  @Test
  void promotePending_returnsChangedFieldsAndMakesThemConfirmed() {
    put("s-1", Answer.text("title", "Old title"), false);
    put("s-1", Answer.text("bio", "Old bio"), false);
    put("s-1", Answer.text("level", "Beginner"), false);
    put("s-1", Answer.text("title", "New title"), true);
    put("s-1", Answer.text("abstract", "New abstract"), true);
    put("s-1", new Answer("bio", null, null), true);

    List<String> changed =
        in(storage, (Tx tx) -> answers.promotePending(tx, "s-1", BASE.plusSeconds(60)));

    assertThat(changed).containsExactlyInAnyOrder("title", "abstract", "bio");
    assertThat(read("s-1", false))
        .containsOnly(
            entry("title", Answer.text("title", "New title")),
            entry("abstract", Answer.text("abstract", "New abstract")),
            entry("level", Answer.text("level", "Beginner")));
    assertThat(read("s-1", true)).isEqualTo(read("s-1", false));
    assertThat(in(storage, (Tx tx) -> answers.hasPending(tx, "s-1"))).isFalse();
  }

  @Test
  void promotePending_withoutPending_returnsNothing() {
    put("s-1", Answer.text("title", "Talk"), false);

    assertThat(in(storage, (Tx tx) -> answers.promotePending(tx, "s-1", BASE))).isEmpty();
    assertThat(read("s-1", false)).containsExactly(entry("title", Answer.text("title", "Talk")));
  }

  @Test
  void discardPending_dropsEditsAndKeepsConfirmed() {
    put("s-1", Answer.text("title", "Confirmed"), false);
    put("s-1", Answer.text("title", "Edited"), true);
    put("s-1", new Answer("bio", null, null), true);

    use(storage, tx -> answers.discardPending(tx, "s-1"));

    assertThat(read("s-1", true))
        .containsExactly(entry("title", Answer.text("title", "Confirmed")));
    assertThat(in(storage, (Tx tx) -> answers.hasPending(tx, "s-1"))).isFalse();
  }

  @Test
  void remove_deletesOnlyTheGivenVersion() {
    put("s-1", Answer.text("title", "Confirmed"), false);
    put("s-1", Answer.text("title", "Edited"), true);

    use(storage, tx -> answers.remove(tx, "s-1", "title", true));

    assertThat(read("s-1", true))
        .containsExactly(entry("title", Answer.text("title", "Confirmed")));
  }

  @Test
  void put_fileAnswer_roundTripsEveryFileRefField() {
    FileRef stored =
        new FileRef(
            "幻灯片 final.pdf",
            "application/pdf",
            52_428_800L,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "files/s-1/slides.pdf",
            "BQACAgUAAxkBAAIBZ2X");
    FileRef platformOnly = new FileRef("notes.txt", null, 0L, null, null, "media-id-1");
    put("s-1", new Answer("slides", "https://example.org/slides", stored), false);
    put("s-1", Answer.file("notes", platformOnly), false);

    assertThat(read("s-1", false))
        .containsOnly(
            entry("slides", new Answer("slides", "https://example.org/slides", stored)),
            entry("notes", new Answer("notes", null, platformOnly)));
  }

  @Test
  void messageId_isStoredWithTheAnswer_replacedWithIt_andKeptWhenPromoted() {
    put("s-1", Answer.text("title", "Old", "1001"), false);
    put("s-1", Answer.text("bio", "Bio"), false);
    put("s-1", Answer.text("title", "New", "1002"), true);

    assertThat(read("s-1", false).get("title")).isEqualTo(Answer.text("title", "Old", "1001"));
    assertThat(read("s-1", true).get("title")).isEqualTo(Answer.text("title", "New", "1002"));
    assertThat(read("s-1", true).get("bio").messageId()).isNull();

    put("s-1", Answer.text("title", "Newer", "1003"), true);
    use(storage, tx -> answers.promotePending(tx, "s-1", BASE.plusSeconds(60)));

    assertThat(read("s-1", false).get("title")).isEqualTo(Answer.text("title", "Newer", "1003"));
  }

  @Test
  void put_chineseTextAndEmoji_roundTripExactly() {
    String text = "深度学习在编译器优化中的应用：从理论到实践 🚀🤖 👩‍💻 👍🏽 🇨🇳 naïve «ok» 𠀀";
    put("s-1", Answer.text("title", text), false);

    assertThat(read("s-1", false).get("title").text()).isEqualTo(text);
  }

  @Test
  void answersOf_severalSubmissions_groupsBySubmissionAndField() {
    put("s-1", Answer.text("title", "One"), false);
    put("s-1", Answer.text("bio", "Me"), false);
    put("s-2", Answer.text("title", "Two"), false);
    put("s-2", Answer.text("title", "Two edited"), true);

    Map<String, Map<String, Answer>> all =
        in(storage, (Tx tx) -> answers.answersOf(tx, List.of("s-1", "s-2", "s-3"), false));

    assertThat(all)
        .containsOnly(
            entry(
                "s-1",
                Map.of("title", Answer.text("title", "One"), "bio", Answer.text("bio", "Me"))),
            entry("s-2", Map.of("title", Answer.text("title", "Two"))));
    assertThat(
            in(storage, (Tx tx) -> answers.answersOf(tx, List.of("s-1", "s-2"), true)).get("s-2"))
        .containsExactly(entry("title", Answer.text("title", "Two edited")));
  }

  @Test
  void answersOf_noSubmissions_isEmpty() {
    assertThat(in(storage, (Tx tx) -> answers.answersOf(tx, List.of(), true))).isEmpty();
  }
}
