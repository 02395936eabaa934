package dev.cfpbot.channel;

import dev.cfpbot.conversation.Reply;
import dev.cfpbot.storage.Tx;
import java.time.Instant;

/**
 * A channel that cannot carry an upload request or a file in a message, and shows them as links in
 * the text instead (WeChat: the personal upload page, a download link for an export). The outbox
 * renders a message through it once, when the message is queued: the text is then split with the
 * link counted in, an inline reply (WeChat's passive reply) carries the link too, and a redelivered
 * request repeats exactly the text that was stored.
 */
public interface LinksInText {

  /**
   * {@code reply} as the channel shows it to {@code recipient}: the links added to the text, and
   * the upload request and file it rendered removed (they need no further handling).
   *
   * @param tx the turn's transaction, for looking up e.g. the recipient's language
   */
  Reply render(Tx tx, String recipient, Reply reply, Instant now);
}
