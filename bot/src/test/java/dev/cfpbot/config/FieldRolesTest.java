package dev.cfpbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.form.Field;
import dev.cfpbot.form.Form;
import org.junit.jupiter.api.Test;

/** What a field means to the bot is its role, never its id. */
class FieldRolesTest {
  private static final String EVENT =
      """
      events:
        - id: gz-2027-10-docker
          title: Docker
          deadline: 2027-10-30T23:59
      form:
        fields:
      """;

  private static String field(String id, String type, String role) {
    return "    - id: "
        + id
        + "\n      type: "
        + type
        + (role == null ? "" : "\n      role: " + role)
        + "\n      required: true\n      label: {zh: 项, en: Item}\n      prompt: {zh: \"项？\", en: \"Item?\"}\n";
  }

  private static Form form(String yaml) {
    CfpConfig config = ConfigLoader.parse(yaml, "cfp.yaml");
    return config.formOf(config.events().get(0));
  }

  @Test
  void speakerAndTitle_areTheFieldsWithThoseRoles_whateverTheirIds() {
    Form form =
        form(
            EVENT
                + field("name", "short_text", null)
                + field("who", "short_text", "speaker")
                + field("talk", "long_text", "title"));

    assertThat(form.speakerField()).map(Field::id).hasValue("who");
    assertThat(form.titleField()).map(Field::id).hasValue("talk");
  }

  @Test
  void withoutTheRole_thereIsNoSpeakerField_evenOneCalledName() {
    assertThat(form(EVENT + field("name", "short_text", null)).speakerField()).isEmpty();
  }

  @Test
  void twoSpeakerFields_areRefused() {
    String yaml =
        EVENT + field("who", "short_text", "speaker") + field("name", "short_text", "speaker");

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("only one field can have role: speaker");
  }

  @Test
  void aSpeakerRole_onAFileField_isRefused() {
    assertThatThrownBy(() -> ConfigLoader.parse(EVENT + field("who", "file", "speaker"), "x"))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("field 'who': the speaker's name is a text field");
  }

  @Test
  void anUnknownRole_listsTheRoles() {
    assertThatThrownBy(() -> ConfigLoader.parse(EVENT + field("who", "short_text", "author"), "x"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'author' is not valid; expected title or speaker");
  }
}
