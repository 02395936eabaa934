package dev.cfpbot.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.conversation.Content;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A channel's start ({@link Content.Resumed}) is no message from anyone. */
@ExtendWith(StorageExtension.class)
class ResumedTurnTest {
  @TempDir Path dataDir;
  private Storage storage;
  private TestBot t;

  @BeforeEach
  void start(Storage storage) {
    this.storage = storage;
    t = new TestBot(storage, dataDir);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void resumed_forAChatTheBotDoesNotKnow_makesNoSpeaker_andSaysNothing() {
    t.send(t.inbound("stranger", new Content.Resumed(), true, false));

    Optional<Speaker> speaker =
        t.storage
            .database()
            .inTransaction(
                "find", tx -> t.storage.speakers().find(tx, RecordingChannel.NAME, "stranger"));
    assertThat(speaker).isEmpty();
    t.awaitDelivered();
    assertThat(t.channel.textsTo("stranger")).isEmpty();
  }
}
