package dev.cfpbot.channel;

import dev.cfpbot.conversation.FileRefusal;

/**
 * What became of an inbound message.
 *
 * @param inlineReply the reply for the platform's response, when the message asked for one
 * @param duplicate the message had been handled before; {@code inlineReply} is the first reply
 * @param file what the turn did with the stored file the message brought; null when it brought none
 *     (or was a duplicate)
 * @param replayed the message came under a {@link SignedPair} already taken with another message:
 *     refused before its turn, nothing of it kept
 */
public record HandleResult(
    String inlineReply, boolean duplicate, FileOutcome file, boolean replayed) {

  /** A message refused as a replay. */
  public static final HandleResult REPLAYED = new HandleResult(null, false, null, true);

  public HandleResult(String inlineReply, boolean duplicate, FileOutcome file) {
    this(inlineReply, duplicate, file, false);
  }

  public HandleResult(String inlineReply, boolean duplicate) {
    this(inlineReply, duplicate, null);
  }

  /**
   * Whether the turn kept the file as an answer.
   *
   * @param asEdit kept as an edit of a submitted proposal, which the speaker still has to confirm
   * @param refusal why it was not kept; null when it was (or when the turn did not say)
   */
  public record FileOutcome(boolean saved, boolean asEdit, FileRefusal refusal) {}
}
