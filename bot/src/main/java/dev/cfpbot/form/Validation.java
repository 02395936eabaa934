package dev.cfpbot.form;

import java.util.List;

/** The outcome of checking an answer: the value to store, or why it was refused. */
public sealed interface Validation {

  /** An accepted answer, normalised (a phone number in +country form, text cleaned). */
  record Valid(String value) implements Validation {}

  /**
   * A refused answer.
   *
   * @param reason the message key that explains it, e.g. {@code invalid.too_long}
   * @param args placeholder name/value pairs for that message
   */
  record Invalid(String reason, List<Object> args) implements Validation {
    public Invalid {
      args = List.copyOf(args);
    }

    public static Invalid of(String reason, Object... args) {
      return new Invalid(reason, List.of(args));
    }
  }
}
