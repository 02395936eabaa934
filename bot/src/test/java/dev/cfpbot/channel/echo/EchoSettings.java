package dev.cfpbot.channel.echo;

import dev.cfpbot.config.EnvOverFile;
import dev.cfpbot.config.Section;
import java.util.List;
import java.util.Optional;

/** The echo channel's settings: its section of the file with the environment over it. */
record EchoSettings(String platform, List<String> organizers) {
  static final String PLATFORM = "ECHO_PLATFORM";
  static final String ORGANIZERS = "ECHO_ORGANIZERS";

  /** The settings, or empty when no platform is set (the channel is off). */
  static Optional<EchoSettings> resolve(Section section) {
    EchoConfig file = section.bind(EchoConfig.class);
    EnvOverFile env = section.env();
    String platform = env.value(PLATFORM, file.platform());
    if (platform == null) {
      return Optional.empty();
    }
    if (!FakeEchoPlatform.exists(platform)) {
      throw section.problem(
          "platform", "there is no echo platform '" + platform + "'", "a running fake platform");
    }
    return Optional.of(new EchoSettings(platform, env.list(ORGANIZERS, file.organizers())));
  }
}
