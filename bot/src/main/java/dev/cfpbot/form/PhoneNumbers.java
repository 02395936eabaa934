package dev.cfpbot.form;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as speakers type them: Chinese mobiles with or without +86, spaces, dashes or
 * brackets, and international numbers in +country form (Hong Kong, Macau, abroad). Stored in E.164
 * form, e.g. {@code +8613800138000}.
 */
public final class PhoneNumbers {
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().·]");
  private static final Pattern CHINA_MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern INTERNATIONAL = Pattern.compile("[1-9]\\d{6,14}");

  private PhoneNumbers() {}

  /** The number in E.164 form, or empty when it is not a phone number we accept. */
  public static Optional<String> normalise(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    // NFKC turns full-width digits, ＋ and ideographic spaces (typed with a Chinese IME) into ASCII.
    String s =
        SEPARATORS
            .matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC).strip())
            .replaceAll("");
    if (s.startsWith("00")) {
      s = "+" + s.substring(2);
    }
    if (s.startsWith("+")) {
      String digits = s.substring(1);
      if (digits.startsWith("86")) {
        // Mainland numbers must be mobiles: the organizers call or message them.
        String national = digits.substring(2);
        return CHINA_MOBILE.matcher(national).matches()
            ? Optional.of("+86" + national)
            : Optional.empty();
      }
      return INTERNATIONAL.matcher(digits).matches() ? Optional.of("+" + digits) : Optional.empty();
    }
    if (s.length() == 13 && s.startsWith("86") && CHINA_MOBILE.matcher(s.substring(2)).matches()) {
      return Optional.of("+" + s);
    }
    return CHINA_MOBILE.matcher(s).matches() ? Optional.of("+86" + s) : Optional.empty();
  }

  /** The number with all but the last four digits hidden, for places where it must be shown. */
  public static String mask(String number) {
    if (number == null || number.length() <= 4) {
      return "****";
    }
    return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
  }
}
