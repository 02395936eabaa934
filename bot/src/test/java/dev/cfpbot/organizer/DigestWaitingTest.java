package dev.cfpbot.organizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.channel.SendResult;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A message the platform holds back is not lost from sight: the digest says it is waiting. */
@ExtendWith(StorageExtension.class)
class DigestWaitingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dataDir;
  private TestBot t;

  @BeforeEach
  void start(Storage storage) {
    t = new TestBot(storage, dataDir);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private long awaitingRetry() {
    return t.storage
        .database()
        .inTransaction("count", tx -> t.storage.outbox().countAwaitingRetry(tx));
  }

  @Test
  void digest_mentionsMessagesWaitingForARetry() {
    t.channel.script(m -> new SendResult.Retry(Duration.ofHours(12), "window closed"));
    t.say("bob", "/help");
    await().atMost(WAIT).until(() -> awaitingRetry() == 1);

    t.say(RecordingChannel.ORGANIZER_ID, "/digest");

    await().atMost(WAIT).until(() -> t.channel.textsTo(RecordingChannel.ORGANIZER_ID).size() == 1);
    assertThat(t.channel.textsTo(RecordingChannel.ORGANIZER_ID).get(0))
        .endsWith("\n\n⏳ 有 1 条消息还在等待发送（例如微信用户 48 小时内没有互动时，客服消息会被拒绝：对方再发来任意消息后会自动补发）。");
  }

  @Test
  void digest_withNothingWaiting_saysNothingAboutIt() {
    t.say(RecordingChannel.ORGANIZER_ID, "/digest");

    await().atMost(WAIT).until(() -> t.channel.textsTo(RecordingChannel.ORGANIZER_ID).size() == 1);
    assertThat(t.channel.textsTo(RecordingChannel.ORGANIZER_ID).get(0)).doesNotContain("⏳");
  }
}
