package dev.cfpbot.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

  @Test
  void controlCharacters_areStripped() {
    assertThat(TextCleaner.clean("张\u0000三\u0007\u001b[31m\u007f", false)).isEqualTo("张三[31m");
    assertThat(TextCleaner.clean("a\u0085b", true)).isEqualTo("ab");
  }

  @Test
  void surroundingWhitespace_isStripped() {
    assertThat(TextCleaner.clean("  \n 张三 \t ", false)).isEqualTo("张三");
    assertThat(TextCleaner.clean("\u3000张三\u3000", false)).isEqualTo("张三");
  }

  @Test
  void newlines_areKept_onlyWhenMultiline() {
    assertThat(TextCleaner.clean("第一行\n第二行\r\n第三行\r第四行", true)).isEqualTo("第一行\n第二行\n第三行\n第四行");
    assertThat(TextCleaner.clean("第一行\n第二行\r\n第三行", false)).isEqualTo("第一行 第二行 第三行");
  }

  @Test
  void tab_becomesASpace() {
    assertThat(TextCleaner.clean("Docker\t实践", true)).isEqualTo("Docker 实践");
  }

  @Test
  void emoji_areKeptExactly() {
    String text = "🐳 Docker 👨‍👩‍👧 ❤️ 🇨🇳";
    assertThat(TextCleaner.clean(text, false)).isEqualTo(text);
    assertThat(TextCleaner.clean(text, true)).isEqualTo(text);
  }

  @Test
  void otherUnicode_isKeptExactly() {
    String text = "Ünïcödé — 「引号」 ｆｕｌｌ　ｗｉｄｔｈ";
    assertThat(TextCleaner.clean(text, false)).isEqualTo(text);
  }

  @Test
  void null_becomesEmpty() {
    assertThat(TextCleaner.clean(null, false)).isEmpty();
  }

  @Test
  void length_countsCodePoints() {
    assertThat(TextCleaner.length("张三")).isEqualTo(2);
    assertThat(TextCleaner.length("🐳")).isEqualTo(1);
    assertThat(TextCleaner.length("Docker 🐳 实践")).isEqualTo(11);
    assertThat(TextCleaner.length("")).isZero();
  }
}
