package dev.cfpbot.conversation;

import java.util.List;

/**
 * What a turn decided: the state to save, the replies to send and the changes to make.
 *
 * @param fileRefused why the file the message brought was not kept; null when it was, or when the
 *     message brought none
 */
public record TurnResult(
    ConversationState state, List<Reply> replies, List<Effect> effects, FileRefusal fileRefused) {

  public TurnResult {
    replies = List.copyOf(replies);
    effects = List.copyOf(effects);
  }

  public TurnResult(ConversationState state, List<Reply> replies, List<Effect> effects) {
    this(state, replies, effects, null);
  }
}
