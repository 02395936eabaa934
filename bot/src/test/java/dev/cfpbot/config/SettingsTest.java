package dev.cfpbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private final CfpConfig config = ConfigLoader.load(ConfigLoaderTest.SHIPPED);

  @Test
  void defaults_areAnH2FileInTheDataDirectory() {
    Settings settings = Settings.resolve(Path.of("c.yaml"), config, Map.of());

    assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(settings.dbUrl())
        .isEqualTo(
            "jdbc:h2:file:"
                + Path.of("data").toAbsolutePath().resolve("cfpbot")
                + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=256;CACHE_SIZE=1024;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
    assertThat(settings.dbUser()).isEqualTo("sa");
    assertThat(settings.embeddedH2()).isTrue();
    assertThat(settings.dbWait()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void dbWait_isSecondsFromTheEnvironment() {
    assertThat(Settings.resolve(Path.of("c.yaml"), config, Map.of("CFPBOT_DB_WAIT", "0")).dbWait())
        .isEqualTo(Duration.ZERO);
    assertThat(
            Settings.resolve(Path.of("c.yaml"), config, Map.of("CFPBOT_DB_WAIT", " 300 ")).dbWait())
        .isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void dbWait_notANumber_namesTheVariable() {
    assertThatThrownBy(
            () -> Settings.resolve(Path.of("c.yaml"), config, Map.of("CFPBOT_DB_WAIT", "1m")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("CFPBOT_DB_WAIT: '1m' is not a number of seconds; expected e.g. 60, or 0");
    assertThatThrownBy(
            () -> Settings.resolve(Path.of("c.yaml"), config, Map.of("CFPBOT_DB_WAIT", "-5")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("CFPBOT_DB_WAIT: '-5' is not a number of seconds; expected e.g. 60, or 0");
  }

  @Test
  void environment_overridesTheFile() {
    Settings settings =
        Settings.resolve(
            Path.of("c.yaml"),
            config,
            Map.of(
                "CFPBOT_DATA_DIR", "/srv/cfp",
                "CFPBOT_DB_URL", "jdbc:postgresql://db/cfp",
                "CFPBOT_DB_USER", "cfp",
                "CFPBOT_DB_PASSWORD", "secret"));

    assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/cfp"));
    assertThat(settings.dbUrl()).isEqualTo("jdbc:postgresql://db/cfp");
    assertThat(settings.dbUser()).isEqualTo("cfp");
    assertThat(settings.dbPassword()).isEqualTo("secret");
    assertThat(settings.embeddedH2()).isFalse();
    assertThat(settings.toString()).doesNotContain("secret");
  }

  @Test
  void configPath_defaultsAndOverrides() {
    assertThat(Settings.configPath(Map.of())).isEqualTo(Path.of("config/cfp-bot.yaml"));
    assertThat(Settings.configPath(Map.of("CFPBOT_CONFIG", "/etc/cfp.yaml")))
        .isEqualTo(Path.of("/etc/cfp.yaml"));
  }

  @Test
  void notAJdbcUrl_namesTheVariable() {
    assertThatThrownBy(
            () ->
                Settings.resolve(
                    Path.of("c.yaml"), config, Map.of("CFPBOT_DB_URL", "postgres://x")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "CFPBOT_DB_URL (or storage.db_url): 'postgres://x' is not a JDBC URL; expected e.g."
                + " jdbc:postgresql://localhost/cfpbot");
  }
}
