package dev.cfpbot.channel;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A channel whose platform calls the bot and waits for the answer (WeChat's callbacks, given up
 * after five seconds) rehearses before the bot's first real message: it plays its platform's side
 * of some conversations against a private copy of the bot, through its own HTTP routes, so that the
 * code a message runs is compiled before the first crowd comes (README, Performance: "The start-up
 * rehearsal"). The copy has a database of its own and sends nothing: nothing of a rehearsal reaches
 * the platform or the bot's data.
 */
@FunctionalInterface
public interface ChannelRehearsal {

  /**
   * Plays each speaker's messages, in order and each after the answer to the one before, against
   * the copy's HTTP server at {@code server}, a few speakers side by side; whatever the platform
   * sends first (WeChat: a follow event) comes before a speaker's first message. Speakers not begun
   * when {@code budget} has passed are left out.
   *
   * @param speakers each one's messages, as a speaker types them
   * @return the messages the copy answered
   */
  int play(URI server, List<List<String>> speakers, Duration budget) throws InterruptedException;
}
