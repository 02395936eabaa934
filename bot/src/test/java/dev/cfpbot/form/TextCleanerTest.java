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
  void zeroWidthAndDirectionCharacters_areStripped() {
    assertThat(TextCleaner.clean("张\u200B三\u200C\u2060\uFEFF", false)).isEqualTo("张三");
    assertThat(TextCleaner.clean("\u202Etxt.exe\u202C \u2066a\u2069\u200E\u200F\u061C", false))
        .isEqualTo("txt.exe a");
    assertThat(TextCleaner.clean("Zhang\u00ADSan\u180E", false)).isEqualTo("ZhangSan");
  }

  @Test
  void joiners_stayOnlyWhereTheyJoin() {
    assertThat(TextCleaner.clean("👩🏽\u200D💻", false)).isEqualTo("👩🏽\u200D💻");
    assertThat(TextCleaner.clean("🏳\uFE0F\u200D🌈", false)).isEqualTo("🏳\uFE0F\u200D🌈");
    assertThat(TextCleaner.clean("张\u200D三", false)).isEqualTo("张三");
    assertThat(TextCleaner.clean("\u200D💻", false)).isEqualTo("💻");
    // Persian writes a non-joiner inside words: می‌خواهم
    assertThat(TextCleaner.clean("می\u200Cخواهم", false)).isEqualTo("می\u200Cخواهم");
  }

  @Test
  void variationSelectors_stayAfterACharacter_andGoWhenAlone() {
    assertThat(TextCleaner.clean("❤\uFE0F 1\uFE0F\u20E3", false))
        .isEqualTo("❤\uFE0F 1\uFE0F\u20E3");
    // An ideographic variation sequence: a name's glyph as its owner writes it.
    assertThat(TextCleaner.clean("葛\uDB40\uDD00", false)).isEqualTo("葛\uDB40\uDD00");
    assertThat(TextCleaner.clean("\uFE0F\uFE0F a \uFE0F", false)).isEqualTo("a");
  }

  @Test
  void flagTags_stayInASubdivisionFlag_only() {
    String scotland = "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
    assertThat(TextCleaner.clean(scotland, false)).isEqualTo(scotland);
    assertThat(TextCleaner.clean("a\uDB40\uDC67\uDB40\uDC7F", false)).isEqualTo("a");
  }

  @Test
  void hangulFillers_andNoBreakSpacesAtTheEnds_areStripped() {
    assertThat(TextCleaner.clean("\u3164\u115F\u1160\uFFA0", false)).isEmpty();
    assertThat(TextCleaner.clean("\u00A0张三\u202F\u3000", false)).isEqualTo("张三");
  }

  @Test
  void text_isComposed_nfc() {
    assertThat(TextCleaner.clean("Zoe\u0301", false)).isEqualTo("Zo\u00E9");
    assertThat(TextCleaner.clean("\u1100\u1161", false)).isEqualTo("\uAC00");
  }

  @Test
  void garbled_meansReplacementCharactersOrLoneSurrogates() {
    assertThat(TextCleaner.isGarbled("张\uFFFD")).isTrue();
    assertThat(TextCleaner.isGarbled("\uD800张")).isTrue();
    assertThat(TextCleaner.isGarbled("张\uDC00")).isTrue();
    assertThat(TextCleaner.isGarbled("张\uD800")).isTrue();
    assertThat(TextCleaner.isGarbled("张三 🐳 𠀀")).isFalse();
    assertThat(TextCleaner.isGarbled(null)).isFalse();
  }

  @Test
  void wellFormed_replacesLoneSurrogates_andKeepsPairs() {
    assertThat(TextCleaner.wellFormed("{\"t\":\"\uD800张🐳\uDC00\"}"))
        .isEqualTo("{\"t\":\"\uFFFD张🐳\uFFFD\"}");
    String plain = "张三 🐳";
    assertThat(TextCleaner.wellFormed(plain)).isSameAs(plain);
  }

  @Test
  void lettersOrDigits_ofAnyScript_count() {
    assertThat(TextCleaner.hasLetterOrDigit("张")).isTrue();
    assertThat(TextCleaner.hasLetterOrDigit("①")).isTrue();
    assertThat(TextCleaner.hasLetterOrDigit("Ⅻ")).isTrue();
    assertThat(TextCleaner.hasLetterOrDigit("🐳 ……！？ —— ❤\uFE0F")).isFalse();
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
