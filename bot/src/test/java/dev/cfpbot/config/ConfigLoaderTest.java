package dev.cfpbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import dev.cfpbot.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final Path SHIPPED = Path.of("../config/cfp-bot.yaml");

  private static final String EVENT =
      """
      events:
        - id: gz-2027-10-docker
          title: Docker
          deadline: 2027-10-30T23:59
      """;
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

  @Test
  void shippedConfig_isTheSeedCall() {
    CfpConfig config = ConfigLoader.load(SHIPPED);

    assertThat(config.events()).hasSize(1);
    EventConfig event = config.events().get(0);
    assertThat(event.id()).isEqualTo("gz-2027-10-docker");
    assertThat(event.codePrefix()).isEqualTo("GZ");
    assertThat(event.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(event.deadline()).isEqualTo(LocalDateTime.parse("2027-10-30T23:59"));
    assertThat(event.startsAt()).isEqualTo(LocalDateTime.parse("2027-10-31T13:30"));
    assertThat(event.endsAt()).isEqualTo(LocalDateTime.parse("2027-10-31T17:30"));
    assertThat(event.topics()).hasSize(8);
    assertThat(event.place().in(Lang.ZH)).isEqualTo("待定");
    assertThat(config.form().fields())
        .extracting(Field::id)
        .containsExactly("name", "bio", "wechat", "phone", "title", "abstract", "slides");
    Field slides = config.form().field("slides").orElseThrow();
    assertThat(slides.type()).isEqualTo(FieldType.FILE);
    assertThat(slides.required()).isFalse();
    assertThat(config.bot().maxSubmissionsPerSpeaker()).isEqualTo(3);
    assertThat(config.bot().digestTime()).isEqualTo(LocalTime.of(9, 0));
  }

  @Test
  void deadline_includesItsLastMinute() {
    EventConfig event = ConfigLoader.load(SHIPPED).events().get(0);

    assertThat(event.isOpen(Instant.parse("2027-10-30T15:59:59Z"))).isTrue();
    assertThat(event.isOpen(Instant.parse("2027-10-30T16:00:00Z"))).isFalse();
    assertThat(event.closesAt()).isEqualTo(Instant.parse("2027-10-30T16:00:00Z"));
  }

  @Test
  void unknownKey_namesKeyLineAndWhatIsExpected() {
    String yaml = EVENT + "    dedline: 2027-10-30T23:59\n" + FORM;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "cfp.yaml line 5: events[0]: unknown key 'dedline'; expected one of: ")
        .hasMessageContaining("deadline");
  }

  @Test
  void badDate_namesPathLineAndFormat() {
    String yaml = EVENT.replace("2027-10-30T23:59", "30/10/2027") + FORM;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 4: events[0].deadline: '30/10/2027' is not valid; expected a date and"
                + " time like 2027-10-30T23:59");
  }

  @Test
  void missingDeadline_isRefusedWithTheEventId() {
    String yaml = EVENT.replace("    deadline: 2027-10-30T23:59\n", "") + FORM;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("events[0]")
        .hasMessageEndingWith("event 'gz-2027-10-docker' needs a deadline, e.g. 2027-10-30T23:59");
  }

  @Test
  void duplicateEventIds_pointAtTheSecond() {
    String yaml =
        EVENT
            + """
              - id: gz-2027-10-docker
                title: Again
                deadline: 2027-11-30T23:59
            """
            + FORM;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 5: events[1].id: event id 'gz-2027-10-docker' is used twice; expected a"
                + " unique id per event");
  }

  @Test
  void unknownFieldType_listsTheTypes() {
    String yaml = EVENT + FORM.replace("short_text", "shorttext");

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cfp.yaml line 8: form.fields[0].type: ")
        .hasMessageEndingWith(
            "expected one of short_text, long_text, phone, wechat_id, email, url, file, choice");
  }

  @Test
  void unknownMessageKey_namesItsLine() {
    String yaml = EVENT + FORM + "messages:\n  no.such.key: hello\n";

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "cfp.yaml line 13: messages.no.such.key: unknown message key 'no.such.key'");
  }

  @Test
  void noForm_isRefused() {
    assertThatThrownBy(() -> ConfigLoader.parse(EVENT, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 2: events[0]: event 'gz-2027-10-docker' has no form and there is no"
                + " default 'form'; expected a 'form' with fields");
  }

  @Test
  void invalidYaml_saysSoWithTheLine() {
    assertThatThrownBy(() -> ConfigLoader.parse("events:\n\t- id: x\n", "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 2, column 1: the file is not valid YAML: while scanning for the next token, found character '\\t(TAB)' that cannot start"
                + " any token. (Do not use \\t(TAB) for indentation)");
  }

  @Test
  void missingFile_namesTheVariable(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "config file " + missing + " does not exist (set CFPBOT_CONFIG to the file to use)");
  }

  @Test
  void emptyFile_isRefused(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");

    assertThatThrownBy(() -> ConfigLoader.load(empty))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(empty.toString());
  }

  @Test
  void localizedText_plainStringServesBothLanguages() {
    CfpConfig config = ConfigLoader.parse(EVENT + FORM, "cfp.yaml");

    assertThat(config.events().get(0).title().in(Lang.ZH)).isEqualTo("Docker");
    assertThat(config.events().get(0).title().in(Lang.EN)).isEqualTo("Docker");
  }

  @Test
  void privacy_unset_keepsDataFor180DaysAfterTheEvent() {
    CfpConfig config = ConfigLoader.parse(EVENT + FORM, "cfp.yaml");

    assertThat(config.privacy().retentionDays()).isEqualTo(180);
    assertThat(config.privacy().retention()).isEqualTo(java.time.Duration.ofDays(180));
    assertThat(config.form().publicFieldIds()).isEmpty();
  }

  @Test
  void shippedConfig_keepsNameTitleAndAbstractOfAcceptedTalks() {
    CfpConfig config = ConfigLoader.load(SHIPPED);

    assertThat(config.privacy().retentionDays()).isEqualTo(180);
    assertThat(config.form().publicFieldIds()).containsExactly("name", "title", "abstract");
  }

  @Test
  void privacy_retentionDaysOutOfRange_namesTheKeyAndItsLine() {
    String yaml = EVENT + FORM + "privacy:\n  retention_days: 0\n";

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 13: privacy.retention_days: 0 is not a number of days the bot can keep"
                + " data for; expected 1 to 3650 (days after an event ends)");
  }

  @Test
  void privacy_retentionDaysNotANumber_namesTheKeyAndItsLine() {
    String yaml = EVENT + FORM + "privacy:\n  retention_days: half a year\n";

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 13: privacy.retention_days: 'half a year' is not valid; expected a whole"
                + " number");
  }

  @Test
  void publicPhoneField_isRefusedWithItsLine() {
    String yaml =
        EVENT
            + FORM.replace("type: short_text", "type: phone")
                .replace("required: true\n", "required: true\n      public: true\n");

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 10: form.fields[0].public: field 'name' holds contact details, which are"
                + " never kept or shown; expected no 'public' on phone and wechat_id fields");
  }

  @Test
  void misspeltPublic_listsPublicAmongTheKeys() {
    String yaml = EVENT + FORM.replace("required: true\n", "required: true\n      pubic: true\n");

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "cfp.yaml line 10: form.fields[0]: unknown key 'pubic'; expected one of: ")
        .hasMessageContaining(" public,")
        .hasMessageNotContaining("is_public");
  }
}
