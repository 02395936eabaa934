package dev.cfpbot.config;

import dev.cfpbot.i18n.Localized;

/**
 * One step of the review scale: the number organizers give and what it means.
 *
 * @param value a whole number from -9 to 9
 */
public record ScoreLevel(int value, Localized label) {

  public ScoreLevel {
    if (label == null) {
      throw new IllegalArgumentException("review.scale: the level " + value + " has no label");
    }
  }

  /** The value as organizers type and read it: +2, 0, −1 (with a real minus sign). */
  public String shown() {
    return value > 0 ? "+" + value : value < 0 ? "−" + -value : "0";
  }
}
