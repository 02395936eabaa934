package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fifty speakers at once, each one message at a time, waiting for every reply. */
class TelegramLoadTest {
  static final int SPEAKERS = 50;

  @TempDir Path dataDir;

  @Test
  void fiftySpeakers_allGetTheirReceipt_andOrganizersFiftyAlerts() throws Exception {
    try (TelegramHarness h = new TelegramHarness(dataDir, Clock.systemUTC(), Map.of()).start()) {
      ExecutorService speakers = Executors.newFixedThreadPool(SPEAKERS);
      List<Future<String>> receipts = new ArrayList<>();
      for (int i = 0; i < SPEAKERS; i++) {
        long chat = 10_000 + i;
        receipts.add(speakers.submit(() -> h.submit(chat, "演讲 " + chat)));
      }
      for (int i = 0; i < SPEAKERS; i++) {
        assertThat(receipts.get(i).get())
            .startsWith("✅ 投稿成功！编号 GZ-")
            .contains("《演讲 " + (10_000 + i) + "》");
      }
      speakers.shutdown();

      assertThat(h.awaitSent(TelegramHarness.ORGANIZERS, SPEAKERS)).hasSize(SPEAKERS);
      assertThat(h.telegram.sentTo(TelegramHarness.ORGANIZERS))
          .extracting(m -> m.text().substring(0, m.text().indexOf(' ', 9)))
          .doesNotHaveDuplicates();
    }
  }
}
