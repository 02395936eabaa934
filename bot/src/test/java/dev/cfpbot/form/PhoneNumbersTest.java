package dev.cfpbot.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "(138) 0013 8000",
        "138.0013.8000",
        "+86 138 0013 8000",
        "+86-138-0013-8000",
        "+8613800138000",
        "0086 13800138000",
        "008613800138000",
        "8613800138000",
        "86 138 0013 8000",
        "＋86 138 0013 8000",
        "＋8613800138000",
        "１３８ ００１３ ８０００",
        "138\u30000013\u30008000",
        "＋８６ １３８００１３８０００",
        "  13800138000  "
      })
  void chineseMobile_inAnySpelling_isNormalisedToE164(String typed) {
    assertThat(PhoneNumbers.normalise(typed)).contains("+8613800138000");
  }

  @Test
  void chineseMobile_everyMobilePrefix_isAccepted() {
    for (int second = 3; second <= 9; second++) {
      String national = "1" + second + "012345678";
      assertThat(PhoneNumbers.normalise(national)).contains("+86" + national);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'+852 5123 4567', +85251234567",
    "'00852 5123 4567', +85251234567",
    "'+853 6612 3456', +85366123456",
    "'+1 415 555 0100', +14155550100",
    "'+1 (415) 555-0100', +14155550100",
    "'+44 20 7946 0958', +442079460958",
    "'＋852 5123 4567', +85251234567"
  })
  void internationalNumber_withCountryCode_isNormalisedToE164(String typed, String expected) {
    assertThat(PhoneNumbers.normalise(typed)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12345",
        "020-12345678",
        "02012345678",
        "+86 20 1234 5678",
        "+86 12345678901",
        "1380013800",
        "138001380001",
        "12800138000",
        "abcdefghijk",
        "138OO138OOO",
        "zhangsan_docker",
        "+",
        "+0 123 4567",
        "+1 23",
        "+1234567890123456",
        ""
      })
  void notAnAcceptedNumber_isRefused(String typed) {
    assertThat(PhoneNumbers.normalise(typed)).isEmpty();
  }

  @Test
  void null_isRefused() {
    assertThat(PhoneNumbers.normalise(null)).isEmpty();
  }

  @Test
  void mask_hidesAllButTheLastFourDigits() {
    assertThat(PhoneNumbers.mask("+8613800138000")).isEqualTo("**********8000");
    assertThat(PhoneNumbers.mask("1234")).isEqualTo("****");
    assertThat(PhoneNumbers.mask(null)).isEqualTo("****");
  }
}
