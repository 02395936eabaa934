package dev.cfpbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.i18n.Lang;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The review settings: the score scale, who sees scores, how long a decision waits. */
class ReviewConfigTest {
  private static final String BASE =
      """
      events:
        - id: gz-2027-10-docker
          title: Docker
          deadline: 2027-10-30T23:59
      form:
        fields:
          - id: name
            type: short_text
            required: true
            label: {zh: 姓名, en: Name}
            prompt: {zh: "姓名？", en: "Name?"}
      """;

  @Test
  void defaults_areTheFourLevelScale_scoresHiddenUntilScored_andATenMinuteDelay() {
    CfpConfig config = ConfigLoader.parse(BASE, "cfp.yaml");

    assertThat(config.review().scale()).extracting(ScoreLevel::value).containsExactly(-1, 0, 1, 2);
    assertThat(config.review().scale().get(3).label().in(Lang.ZH)).isEqualTo("强烈推荐");
    assertThat(config.review().scale().get(3).label().in(Lang.EN)).isEqualTo("Must have");
    assertThat(config.review().scoresAlwaysVisible()).isFalse();
    assertThat(config.bot().decisionWait()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.bot().tellShortlisted()).isFalse();
  }

  @Test
  void givenScaleAndSettings_areTaken() {
    String yaml =
        BASE
            + """
            bot:
              decision_delay: 0m
              tell_shortlisted: true
            review:
              show_scores: always
              scale:
                - {value: 1, label: {zh: 一般, en: Fair}}
                - {value: 3, label: 很好}
            """;

    CfpConfig config = ConfigLoader.parse(yaml, "cfp.yaml");

    assertThat(config.review().scale()).extracting(ScoreLevel::value).containsExactly(1, 3);
    assertThat(config.review().scale().get(1).label().in(Lang.EN)).isEqualTo("很好");
    assertThat(config.review().scoresAlwaysVisible()).isTrue();
    assertThat(config.bot().decisionWait()).isEqualTo(Duration.ZERO);
    assertThat(config.bot().tellShortlisted()).isTrue();
    assertThat(config.review().level(3)).map(ScoreLevel::value).contains(3);
    assertThat(config.review().level(2)).isEmpty();
  }

  @Test
  void scaleWithAValueTwice_isRefusedWithWhere() {
    String yaml =
        BASE
            + """
            review:
              scale:
                - {value: 1, label: 好}
                - {value: 1, label: 很好}
            """;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 12: review: review.scale has the value 1 twice; expected 2 to 9"
                + " levels, each a whole number from -9 to 9 given once, with a label");
  }

  @Test
  void unknownShowScores_isRefused() {
    String yaml = BASE + "review:\n  show_scores: sometimes\n";

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 12: review: review.show_scores is 'sometimes'; expected after_scoring"
                + " or always");
  }

  @Test
  void decisionDelayThatIsNoDuration_isRefused() {
    String yaml = BASE + "bot:\n  decision_delay: soon\n";

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 12: bot: 'soon' is not a duration; expected a number and d, h or m,"
                + " e.g. 7d, 3h, 90m");
  }
}
