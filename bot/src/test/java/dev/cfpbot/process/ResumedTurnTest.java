package dev.cfpbot.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.conversation.Content;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A channel's start ({@link Content.Resumed}) is no message from anyone. */
class ResumedTurnTest {
  @TempDir Path dataDir;
  private TestBot t;

  @BeforeEach
  void start() {
    t = new TestBot(dataDir);
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
