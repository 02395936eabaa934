package dev.cfpbot.links;

import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.UploadLink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal, expiring links to the upload page: {@code <public url>/upload/<token>}. A link is a row
 * in the database (the chat, the submission and the field it takes a file for); the token names the
 * row and its expiry, signed with the bot's secret key so that it cannot be forged or altered. One
 * link is issued per proposal and field and shown again while it stays valid; a POST claims it
 * before the file is stored, so that it takes one file, on any instance.
 */
public final class UploadLinks {
  /** Tokens start with this field, so that no download token can pass for an upload token. */
  private static final String PURPOSE = "upload";

  /** What a valid token grants: one file for one field of one submission of one chat. */
  public record Grant(
      String linkId,
      String channel,
      String chatId,
      String submissionId,
      String fieldId,
      Instant expiresAt,
      boolean used) {}

  /** A link to show: its address, and until when it works. */
  public record Issued(String url, Instant expiresAt) {}

  private final String publicUrl;
  private final SignedToken tokens;
  private final Clock clock;
  private final Duration lifetime;
  private final Storage storage;

  public UploadLinks(
      String publicUrl, byte[] key, Clock clock, Duration lifetime, Storage storage) {
    this.publicUrl = publicUrl;
    this.tokens = new SignedToken(key);
    this.clock = clock;
    this.lifetime = lifetime;
    this.storage = storage;
  }

  /**
   * The link for this chat's submission and field: the one issued before while it is unused and
   * valid for at least half a lifetime more, else a new one.
   */
  public Issued issue(Tx tx, String channel, String chatId, String submissionId, String fieldId) {
    Instant now = clock.instant();
    UploadLink link =
        storage
            .uploadLinks()
            .reusable(tx, channel, chatId, submissionId, fieldId, now.plus(lifetime.dividedBy(2)))
            .orElseGet(
                () -> {
                  UploadLink fresh =
                      new UploadLink(
                          UUID.randomUUID().toString(),
                          submissionId,
                          fieldId,
                          channel,
                          chatId,
                          now,
                          now.plus(lifetime),
                          null);
                  storage.uploadLinks().insert(tx, fresh);
                  return fresh;
                });
    return new Issued(
        publicUrl + "/upload/" + tokens.makeExpiring(PURPOSE, link.id(), link.expiresAt()),
        link.expiresAt());
  }

  /** {@link #issue(Tx, String, String, String, String)} in a transaction of its own. */
  public Issued issue(String channel, String chatId, String submissionId, String fieldId) {
    return storage
        .database()
        .inTransaction(
            "issue upload link", tx -> issue(tx, channel, chatId, submissionId, fieldId));
  }

  /** The grant of {@code token}, if it is genuine, has not expired and its link exists. */
  public Optional<Grant> verify(String token) {
    Optional<String> id = tokens.openExpiring(token, PURPOSE, clock.instant());
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return storage
        .database()
        .inTransaction("read upload link", tx -> storage.uploadLinks().get(tx, id.get()))
        .map(
            l ->
                new Grant(
                    l.id(),
                    l.channel(),
                    l.chatId(),
                    l.submissionId(),
                    l.fieldId(),
                    l.expiresAt(),
                    l.usedAt() != null));
  }

  /** Claims the grant's link for one upload: true for exactly one caller while it is unused. */
  public boolean claim(Grant grant) {
    return storage
        .database()
        .inTransaction(
            "claim upload link",
            tx -> storage.uploadLinks().claim(tx, grant.linkId(), clock.instant()));
  }

  /** Makes a claimed link usable again: the bot did not keep the file it brought. */
  public void release(Grant grant) {
    storage
        .database()
        .useTransaction(
            "release upload link", tx -> storage.uploadLinks().release(tx, grant.linkId()));
  }
}
