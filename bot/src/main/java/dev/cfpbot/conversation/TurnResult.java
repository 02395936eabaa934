package dev.cfpbot.conversation;

import java.util.List;

/** What a turn decided: the state to save, the replies to send and the changes to make. */
public record TurnResult(ConversationState state, List<Reply> replies, List<Effect> effects) {

  public TurnResult {
    replies = List.copyOf(replies);
    effects = List.copyOf(effects);
  }
}
