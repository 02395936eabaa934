package dev.cfpbot.storage;

import dev.cfpbot.domain.Speaker;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/** Shared test data: a fixed clock origin and speakers to hang rows on. */
final class Fixtures {
  static final Instant BASE = Instant.parse("2027-10-01T00:00:00Z");

  private Fixtures() {}

  static Speaker speaker(String id, String channel, String externalId) {
    return new Speaker(id, channel, externalId, "Speaker " + id, "zh", true, BASE);
  }

  static Speaker insertSpeaker(Storage storage, String id) {
    Speaker speaker = speaker(id, "telegram", "ext-" + id);
    use(storage, tx -> storage.speakers().insert(tx, speaker));
    return speaker;
  }

  /**
   * Runs {@code work} in its own committed transaction. Inside {@code assertThat(...)} pass an
   * explicitly typed lambda, {@code (Tx tx) -> ...}: with an implicit one the compiler cannot pick
   * between AssertJ's overloads.
   */
  static <T> T in(Storage storage, Function<Tx, T> work) {
    return storage.database().inTransaction("test", work);
  }

  static void use(Storage storage, Consumer<Tx> work) {
    storage.database().useTransaction("test", work);
  }
}
