package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rehearsal the class data sharing archive is made from: every part runs, and none touches the
 * network or the bot's data.
 */
class ClassArchiveTest {
  @TempDir Path dir;

  @Test
  void rehearse_runsEveryPart_withoutTheNetworkOrTheBotsData() throws Exception {
    try (ServerSocket telegram = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Map<String, String> env =
          Map.of(
              "CFPBOT_CONFIG",
              Launcher.ROOT.resolve("config/cfp-bot.yaml").toString(),
              "CFPBOT_DATA_DIR",
              dir.resolve("data").toString(),
              "TELEGRAM_BOT_TOKEN",
              "123456:rehearsal",
              "TELEGRAM_API_URL",
              "http://127.0.0.1:" + telegram.getLocalPort());

      assertThat(ClassArchive.rehearse(env)).isEmpty();

      assertThat(dir.resolve("data")).doesNotExist();
      // A connection made would be waiting in the backlog by now: the rehearsal has returned.
      telegram.setSoTimeout(1);
      assertThatThrownBy(telegram::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void rehearse_withoutItsConfiguration_stillRunsTheRest() {
    Map<String, String> env =
        Map.of(
            "CFPBOT_CONFIG", dir.resolve("missing.yaml").toString(),
            "CFPBOT_DATA_DIR", dir.resolve("data").toString());

    assertThat(ClassArchive.rehearse(env)).containsExactly("configuration");
  }
}
