package dev.cfpbot.storage;

import static dev.cfpbot.storage.Fixtures.BASE;
import static dev.cfpbot.storage.Fixtures.in;
import static dev.cfpbot.storage.Fixtures.speaker;
import static dev.cfpbot.storage.Fixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.domain.Speaker;
import dev.cfpbot.storage.testing.StorageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class SpeakerStoreTest {
  private Storage storage;
  private SpeakerStore speakers;

  @BeforeEach
  void open(Storage storage) {
    this.storage = storage;
    speakers = storage.speakers();
  }

  @Test
  void get_afterInsert_returnsEqualSpeaker() {
    Speaker speaker = new Speaker("sp-1", "telegram", "100", null, "en", false, BASE);
    use(storage, tx -> speakers.insert(tx, speaker));

    assertThat(in(storage, (Tx tx) -> speakers.get(tx, "sp-1"))).contains(speaker);
  }

  @Test
  void get_unknownId_returnsEmpty() {
    assertThat(in(storage, (Tx tx) -> speakers.get(tx, "nobody"))).isEmpty();
  }

  @Test
  void find_byChannelAndExternalId_returnsSpeakerOfThatChannelOnly() {
    Speaker onTelegram = speaker("sp-1", "telegram", "100");
    Speaker onWechat = speaker("sp-2", "wechat", "100");
    use(
        storage,
        tx -> {
          speakers.insert(tx, onTelegram);
          speakers.insert(tx, onWechat);
        });

    assertThat(in(storage, (Tx tx) -> speakers.find(tx, "telegram", "100"))).contains(onTelegram);
    assertThat(in(storage, (Tx tx) -> speakers.find(tx, "wechat", "100"))).contains(onWechat);
    assertThat(in(storage, (Tx tx) -> speakers.find(tx, "telegram", "101"))).isEmpty();
  }

  @Test
  void update_savesDisplayNameLanguageAndRemindersOnly() {
    use(storage, tx -> speakers.insert(tx, speaker("sp-1", "telegram", "100")));
    Speaker changed =
        new Speaker("sp-1", "wechat", "999", "李雷", "en", false, BASE.plusSeconds(3600));

    use(storage, tx -> speakers.update(tx, changed));

    assertThat(in(storage, (Tx tx) -> speakers.get(tx, "sp-1")))
        .contains(new Speaker("sp-1", "telegram", "100", "李雷", "en", false, BASE));
  }

  @Test
  void update_withLanguageAndReminders_roundTrips() {
    Speaker speaker = speaker("sp-1", "telegram", "100");
    use(storage, tx -> speakers.insert(tx, speaker));

    use(storage, tx -> speakers.update(tx, speaker.withLanguage("en").withReminders(false)));

    assertThat(in(storage, (Tx tx) -> speakers.get(tx, "sp-1")))
        .contains(new Speaker("sp-1", "telegram", "100", "Speaker sp-1", "en", false, BASE));
  }

  @Test
  void insert_sameChannelAndExternalId_throwsUniqueViolation() {
    use(storage, tx -> speakers.insert(tx, speaker("sp-1", "telegram", "100")));

    assertThatThrownBy(
            () -> use(storage, tx -> speakers.insert(tx, speaker("sp-2", "telegram", "100"))))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.isUniqueViolation()).isTrue();
              assertThat(e.operation()).isEqualTo("insert speaker");
              assertThat(e.getMessage()).startsWith("insert speaker failed: ");
            });
    assertThat(in(storage, (Tx tx) -> speakers.get(tx, "sp-2"))).isEmpty();
  }

  @Test
  void toString_leavesExternalIdOut() {
    assertThat(speaker("sp-1", "telegram", "secret-chat-100").toString())
        .isEqualTo("Speaker[sp-1, telegram]");
  }
}
