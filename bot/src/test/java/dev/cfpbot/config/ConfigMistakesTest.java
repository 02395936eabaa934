package dev.cfpbot.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mistakes a new operator makes in the config file, each reported where it is. */
class ConfigMistakesTest {
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
  void yamlSyntaxError_isReportedAtTheParsersLineAndColumn() {
    String yaml =
        """
        events:
          - id: gz-2027-10-docker
          bad_indent: [unclosed
            title: Docker
            deadline: 2027-10-30T23:59
        """
            + FORM;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 3, column 3: the file is not valid YAML: while parsing a block"
                + " collection, expected <block end>, but found '?'");
  }

  @Test
  void eventWithoutId_saysTheIdIsMissing() {
    String yaml =
        """
        events:
          - title: Docker
            deadline: 2027-10-30T23:59
        """
            + FORM;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 2: events[0]: the event has no id; expected an id of 2-64 lower-case"
                + " letters, digits or dashes, e.g. gz-2027-10-docker");
  }

  @Test
  void twoEventsWithOneCodePrefix_areRefusedAtTheSecond() {
    String yaml =
        """
        events:
          - id: gz-2027-10-docker
            title: Docker
            deadline: 2027-10-30T23:59
          - id: gz-2027-11-k8s
            title: Kubernetes
            deadline: 2027-11-27T23:59
        """
            + FORM;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 5: events[1].code_prefix: the submission codes of events"
                + " 'gz-2027-10-docker' and 'gz-2027-11-k8s' would both be GZ-01, GZ-02…; expected"
                + " a code_prefix of its own for each event (1-8 upper-case letters or digits)");
  }

  @Test
  void fieldWithoutRequired_saysTheKeyIsMissing() {
    String yaml =
        """
        events:
          - id: gz-2027-10-docker
            title: Docker
            deadline: 2027-10-30T23:59
        form:
          fields:
            - id: name
              type: short_text
              label: {zh: 姓名, en: Name}
              prompt: {zh: "姓名？", en: "Name?"}
        """;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cfp.yaml line 7: form.fields[0].required: missing; expected true or false");
  }
}
