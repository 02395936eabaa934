package dev.cfpbot.config;

import dev.cfpbot.i18n.Localized;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How organizers review.
 *
 * @param scale the scores an organizer can give, lowest first (default −1, 0, +1, +2)
 * @param showScores "after_scoring" (default): an organizer sees the others' scores of a proposal
 *     once they scored it themselves, so that nobody anchors on the first score; "always"
 */
public record ReviewConfig(List<ScoreLevel> scale, String showScores) {
  private static final String SCALE_RULE =
      "expected 2 to 9 levels, each a whole number from -9 to 9 given once, with a label";

  public ReviewConfig {
    scale = scale == null ? defaultScale() : List.copyOf(scale);
    if (scale.size() < 2 || scale.size() > 9) {
      throw new IllegalArgumentException(
          "review.scale has " + scale.size() + " levels; " + SCALE_RULE);
    }
    Set<Integer> seen = new HashSet<>();
    for (ScoreLevel level : scale) {
      if (level.value() < -9 || level.value() > 9) {
        throw new IllegalArgumentException(
            "review.scale has the value " + level.value() + "; " + SCALE_RULE);
      }
      if (!seen.add(level.value())) {
        throw new IllegalArgumentException(
            "review.scale has the value " + level.value() + " twice; " + SCALE_RULE);
      }
    }
    showScores = showScores == null ? "after_scoring" : showScores;
    if (!showScores.equals("after_scoring") && !showScores.equals("always")) {
      throw new IllegalArgumentException(
          "review.show_scores is '" + showScores + "'; expected after_scoring or always");
    }
  }

  public static ReviewConfig defaults() {
    return new ReviewConfig(null, null);
  }

  public boolean scoresAlwaysVisible() {
    return showScores.equals("always");
  }

  /** The level with {@code value}, if the scale has one. */
  public Optional<ScoreLevel> level(int value) {
    return scale.stream().filter(l -> l.value() == value).findFirst();
  }

  private static List<ScoreLevel> defaultScale() {
    return List.of(
        new ScoreLevel(-1, new Localized("不合适", "Not for us")),
        new ScoreLevel(0, new Localized("中立", "Neutral")),
        new ScoreLevel(1, new Localized("不错", "Good")),
        new ScoreLevel(2, new Localized("强烈推荐", "Must have")));
  }
}
