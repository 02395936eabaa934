package dev.cfpbot.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.i18n.Localized;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldValidatorTest {
  private static final Form SEED = ConfigLoader.load(Path.of("../config/cfp-bot.yaml")).form();
  private static final Field NAME = SEED.field("name").orElseThrow();
  private static final Field BIO = SEED.field("bio").orElseThrow();
  private static final Field WECHAT = SEED.field("wechat").orElseThrow();
  private static final Field PHONE = SEED.field("phone").orElseThrow();
  private static final Field ABSTRACT = SEED.field("abstract").orElseThrow();
  private static final Field SLIDES = SEED.field("slides").orElseThrow();
  private static final Field EMAIL = field("email", FieldType.EMAIL);
  private static final Field HOMEPAGE = field("homepage", FieldType.URL);
  private static final long MB = 1024L * 1024L;

  private static Field field(String id, FieldType type) {
    Localized text = Localized.same(id);
    return new Field(id, type, true, text, text, null, null, null, null, null);
  }

  private static Validation valid(String value) {
    return new Validation.Valid(value);
  }

  @Test
  void phone_withSpacesAndPlus86_isNormalised() {
    assertThat(FieldValidator.validate(PHONE, "+86 138 0013 8000"))
        .isEqualTo(valid("+8613800138000"));
  }

  @Test
  void phone_landlineWithoutCountryCode_isRefusedAsPhone() {
    assertThat(FieldValidator.validate(PHONE, "020-12345678"))
        .isEqualTo(Validation.Invalid.of("invalid.phone"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zhangsan_docker", "a12345", "Zhang-San", "abcdefghij0123456789"})
  void wechatId_valid_isKeptAsTyped(String typed) {
    assertThat(FieldValidator.validate(WECHAT, typed)).isEqualTo(valid(typed));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a1234",
        "abcdefghij01234567890",
        "1zhangsan",
        "_zhangsan",
        "zhang san",
        "张三docker"
      })
  void wechatId_invalid_isRefused(String typed) {
    assertThat(FieldValidator.validate(WECHAT, typed))
        .isEqualTo(Validation.Invalid.of("invalid.wechat"));
  }

  @Test
  void wechatId_aPhoneNumber_isAcceptedNormalised() {
    assertThat(FieldValidator.validate(WECHAT, "138 0013 8000")).isEqualTo(valid("+8613800138000"));
  }

  @Test
  void shortText_fiftyChineseCharacters_isAccepted() {
    String name = "张".repeat(50);
    assertThat(FieldValidator.validate(NAME, name)).isEqualTo(valid(name));
  }

  @Test
  void shortText_fiftyOneChineseCharacters_isRefusedAsTooLong() {
    assertThat(FieldValidator.validate(NAME, "张".repeat(51)))
        .isEqualTo(Validation.Invalid.of("invalid.too_long", "max", 50, "length", 51));
  }

  @Test
  void length_countsAnEmojiAsOne() {
    String fifty = "张" + "🐳".repeat(49);
    assertThat(FieldValidator.validate(NAME, fifty)).isEqualTo(valid(fifty));
    assertThat(FieldValidator.validate(NAME, fifty + "🐳"))
        .isEqualTo(Validation.Invalid.of("invalid.too_long", "max", 50, "length", 51));
  }

  @Test
  void length_isCountedAfterCleaning() {
    String name = "张".repeat(50);
    assertThat(FieldValidator.validate(NAME, "  " + name + "\u0000\n")).isEqualTo(valid(name));
  }

  @Test
  void longText_belowMinLength_isRefusedAsTooShort() {
    assertThat(FieldValidator.validate(ABSTRACT, "讲 Docker"))
        .isEqualTo(Validation.Invalid.of("invalid.too_short", "min", 20, "length", 8));
  }

  @Test
  void longText_keepsNewlines_andEmoji() {
    assertThat(FieldValidator.validate(BIO, "运维工程师 🐳\r\n负责迁移\u0007"))
        .isEqualTo(valid("运维工程师 🐳\n负责迁移"));
  }

  @Test
  void shortText_newlinesBecomeSpaces() {
    assertThat(FieldValidator.validate(NAME, "张\n三")).isEqualTo(valid("张 三"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t", "\u0000\u0007"})
  void emptyAfterCleaning_isRefusedAsEmpty(String typed) {
    assertThat(FieldValidator.validate(NAME, typed))
        .isEqualTo(Validation.Invalid.of("invalid.empty"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u200B", "\u200B\u200D\uFEFF", "\u202E \u2066", "\u3164", "\u00A0"})
  void onlyInvisibleCharacters_areRefusedAsInvisible(String typed) {
    assertThat(FieldValidator.validate(NAME, typed))
        .isEqualTo(Validation.Invalid.of("invalid.invisible"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"🐳", "👩🏽\u200D💻 🙂", "……", "?!", "—— · ——", "❤\uFE0F"})
  void text_withoutALetterOrDigit_isRefused(String typed) {
    assertThat(FieldValidator.validate(NAME, typed))
        .isEqualTo(Validation.Invalid.of("invalid.no_letters"));
    assertThat(FieldValidator.validate(BIO, typed))
        .isEqualTo(Validation.Invalid.of("invalid.no_letters"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"张\uFFFD", "\uFFFD", "\uD800", "Zhang\uDC00San"})
  void garbledText_isRefusedAsGarbled_beforeAnythingElse(String typed) {
    assertThat(FieldValidator.validate(NAME, typed))
        .isEqualTo(Validation.Invalid.of("invalid.encoding"));
    assertThat(FieldValidator.validate(PHONE, typed))
        .isEqualTo(Validation.Invalid.of("invalid.encoding"));
  }

  @Test
  void zeroWidthCharacters_insideAPhoneNumber_areIgnored() {
    assertThat(FieldValidator.validate(PHONE, "138\u200B0013\u20608000"))
        .isEqualTo(valid("+8613800138000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zhangsan@example.com", "zhang.san+cfp@mail.example.cn"})
  void email_valid_isAccepted(String typed) {
    assertThat(FieldValidator.validate(EMAIL, typed)).isEqualTo(valid(typed));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zhangsan", "zhangsan@example", "zhang san@example.com", "a@@b.com"})
  void email_invalid_isRefused(String typed) {
    assertThat(FieldValidator.validate(EMAIL, typed))
        .isEqualTo(Validation.Invalid.of("invalid.email"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com",
        "http://zhangsan.example.cn/about",
        "HTTPS://Example.COM/x"
      })
  void url_httpOrHttpsWithHost_isAccepted(String typed) {
    assertThat(FieldValidator.validate(HOMEPAGE, typed)).isEqualTo(valid(typed));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "ftp://example.com/file",
        "https://localhost/x",
        "https://exa mple.com",
        "javascript:alert(1)"
      })
  void url_invalid_isRefused(String typed) {
    assertThat(FieldValidator.validate(HOMEPAGE, typed))
        .isEqualTo(Validation.Invalid.of("invalid.url"));
  }

  @Test
  void fileField_link_isAccepted() {
    assertThat(FieldValidator.validate(SLIDES, "https://pan.baidu.com/s/1docker?pwd=8a3f"))
        .isEqualTo(valid("https://pan.baidu.com/s/1docker?pwd=8a3f"));
  }

  @Test
  void fileField_textThatIsNoLink_isRefusedAsFileText() {
    assertThat(FieldValidator.validate(SLIDES, "还没写好"))
        .isEqualTo(Validation.Invalid.of("invalid.file_text"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"slides.pdf", "slides.PDF", "演讲稿.Pptx", "talk.key", "talk.v2.odp"})
  void file_acceptedExtension_anyCase_isAccepted(String name) {
    assertThat(FieldValidator.validateFile(SLIDES, name, 2 * MB)).isEqualTo(valid(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"slides.docx", "slides", "slides.pdf.exe", ".pdfx"})
  void file_otherExtension_isRefusedWithTheAcceptedTypes(String name) {
    assertThat(FieldValidator.validateFile(SLIDES, name, 2 * MB))
        .isEqualTo(Validation.Invalid.of("invalid.file_type", "types", "PDF, PPT, PPTX, KEY, ODP"));
  }

  @Test
  void file_withoutName_isRefused() {
    assertThat(FieldValidator.validateFile(SLIDES, null, MB))
        .isEqualTo(Validation.Invalid.of("invalid.file_type", "types", "PDF, PPT, PPTX, KEY, ODP"));
  }

  @CsvSource({"52428800, true", "52428801, false", "62914560, false", "0, true"})
  @ParameterizedTest
  void file_size_isLimitedToMaxFileMb(long size, boolean accepted) {
    assertThat(FieldValidator.validateFile(SLIDES, "slides.pdf", size))
        .isEqualTo(
            accepted
                ? valid("slides.pdf")
                : Validation.Invalid.of("invalid.file_too_big", "max", 50));
  }

  @Test
  void file_typesFromConfig_areLowerCasedWithoutDots() {
    Localized text = Localized.same("slides");
    Field field =
        new Field(
            "slides", FieldType.FILE, false, text, text, null, null, null, List.of(".PDF"), 5);
    assertThat(field.fileTypes()).containsExactly("pdf");
    assertThat(FieldValidator.validateFile(field, "a.pdf", 5 * MB)).isEqualTo(valid("a.pdf"));
    assertThat(FieldValidator.validateFile(field, "a.pdf", 5 * MB + 1))
        .isEqualTo(Validation.Invalid.of("invalid.file_too_big", "max", 5));
  }
}
