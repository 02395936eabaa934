package dev.cfpbot.organizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.i18n.Lang;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.RecordingChannel;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An organizer's /help in their own chat lists the organizer commands after the speaker's. */
@ExtendWith(StorageExtension.class)
class OrganizerHelpTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ORG = RecordingChannel.ORGANIZER_ID;

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

  private List<String> to(String chat, int count) {
    await().atMost(WAIT).until(() -> t.channel.textsTo(chat).size() == count);
    return t.channel.textsTo(chat);
  }

  @Test
  void help_fromAnOrganizer_listsTheOrganizerCommandsToo() {
    t.say(ORG, "帮助");

    assertThat(to(ORG, 2))
        .containsExactly(
            t.messages.text(Lang.ZH, "help"), t.messages.text(Lang.ZH, "organizer.help"));
  }

  @Test
  void help_fromAnOrganizerAtAQuestion_putsTheOrganizerCommandsBeforeTheQuestion() {
    t.say(ORG, "/start");
    t.say(ORG, "/help");

    List<String> texts = to(ORG, 4);
    assertThat(texts.get(1)).startsWith(t.messages.text(Lang.ZH, "help") + "\n\n当前的问题：「姓名」");
    assertThat(texts.get(2)).isEqualTo(t.messages.text(Lang.ZH, "organizer.help"));
    assertThat(texts.get(3)).isEqualTo("(1/7) 请问怎么称呼你？（姓名）");
  }

  @Test
  void help_fromASpeaker_isTheSpeakersOnly() {
    t.say("bob", "/help");
    t.say("bob", "/status");

    assertThat(to("bob", 2))
        .containsExactly(t.messages.text(Lang.ZH, "help"), t.messages.text(Lang.ZH, "status.none"));
  }
}
