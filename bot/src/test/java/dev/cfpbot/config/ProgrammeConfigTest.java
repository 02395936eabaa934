package dev.cfpbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The programme of an event in the config: explicit entries, or talk slots derived. */
class ProgrammeConfigTest {
  private static final String FORM =
      """
      form:
        fields:
          - id: name
            type: short_text
            required: true
            label: {zh: 姓名, en: Name}
            prompt: {zh: "姓名？", en: "Name?"}
      """;

  private static String event(String programme) {
    return """
        events:
          - id: gz-2027-10-docker
            title: Docker
            starts_at: 2027-10-31T13:30
            ends_at: 2027-10-31T17:30
            deadline: 2027-10-30T23:59
        """
        + programme
        + FORM;
  }

  private static LocalDateTime at(String time) {
    return LocalDateTime.parse("2027-10-31T" + time);
  }

  @Test
  void explicitEntries_followEachOther_talksTakeTalkMinutes_theLastRunsToTheEnd() {
    CfpConfig config =
        ConfigLoader.parse(
            event(
                "    talk_minutes: 45\n"
                    + "    programme: [\"13:30 opening 15m\", talk, \"break 15m\", talk 30m,"
                    + " \"16:00 lightning talks\"]\n"),
            "cfp.yaml");

    assertThat(config.events().get(0).slots())
        .containsExactly(
            new ProgrammeSlot(at("13:30"), at("13:45"), "opening"),
            new ProgrammeSlot(at("13:45"), at("14:30"), null),
            new ProgrammeSlot(at("14:30"), at("14:45"), "break"),
            new ProgrammeSlot(at("14:45"), at("15:15"), null),
            new ProgrammeSlot(at("16:00"), at("17:30"), "lightning talks"));
  }

  @Test
  void talkMinutesAlone_derivesTalkSlotsBetweenStartAndEnd() {
    CfpConfig config = ConfigLoader.parse(event("    talk_minutes: 80\n"), "cfp.yaml");

    assertThat(config.events().get(0).slots())
        .containsExactly(
            new ProgrammeSlot(at("13:30"), at("14:50"), null),
            new ProgrammeSlot(at("14:50"), at("16:10"), null),
            new ProgrammeSlot(at("16:10"), at("17:30"), null));
  }

  @Test
  void anEntryThatRunsPastTheEnd_isReportedWithItsNumberAndLine() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    event("    programme: [\"13:30 opening 10m\", talk 5h]\n"), "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 2: events[0]: programme entry 2 'talk 5h' ends after ends_at (17:30)");
  }

  @Test
  void anEntryWithoutWhatItIs_saysWhatAnEntryLooksLike() {
    assertThatThrownBy(
            () -> ConfigLoader.parse(event("    programme: [\"14:00 20m\"]\n"), "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 2: events[0]: programme entry 1 '14:00 20m': say what it is, e.g."
                + " 'talk', '13:30 opening 10m' or 'break 20m'");
  }
}
