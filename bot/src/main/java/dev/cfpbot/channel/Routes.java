package dev.cfpbot.channel;

import java.util.List;
import java.util.Set;

/**
 * Where organizer traffic goes on one channel, and who may give organizer commands.
 *
 * @param organizerChats recipients of alerts and digests (a group, or each organizer)
 * @param organizerIds senders allowed to run organizer commands
 * @param everyoneIsOrganizer true on the console: the person at the keyboard runs the bot
 * @param community the community channel for announcements; null when there is none
 * @param privateChatLink where people in a group can reach the bot privately; may be null
 * @param routinePosts the community gets routine posts (countdowns, the closing count), not only
 *     the announcements organizers send (WeChat: mass messages are rationed)
 */
public record Routes(
    List<String> organizerChats,
    Set<String> organizerIds,
    boolean everyoneIsOrganizer,
    String community,
    String privateChatLink,
    boolean routinePosts) {

  public Routes {
    organizerChats = List.copyOf(organizerChats);
    organizerIds = Set.copyOf(organizerIds);
  }

  public boolean isOrganizer(String senderId) {
    return everyoneIsOrganizer || organizerIds.contains(senderId);
  }
}
