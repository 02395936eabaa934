package dev.cfpbot.config;

import dev.cfpbot.i18n.Lang;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * How the bot behaves, whatever the channel.
 *
 * @param defaultLanguage for speakers whose platform does not say they use English
 * @param organizerLanguage the language of alerts, digests and community posts
 * @param maxSubmissionsPerSpeaker per event, withdrawn ones not counted
 * @param digestTime the time of day (in each event's zone) for the daily digest; null: none
 * @param countdownPosts before the deadline, when to remind the community ("7d", "3h", "30m")
 * @param reminderBefore when, before the deadline, speakers with an unfinished draft hear of it
 * @param decisionDelay how long a decision waits before the speaker hears of it ("10m"): until then
 *     any organizer can change or undo it
 * @param tellShortlisted whether shortlisting a proposal tells its speaker (default: no)
 * @param confirmReminder how long after hearing of the acceptance a speaker who has not said
 *     whether they come gets one reminder ("3d")
 * @param slidesDueBefore when, before the event, confirmed speakers without slides are reminded
 */
public record BotConfig(
    Lang defaultLanguage,
    Lang organizerLanguage,
    Integer maxSubmissionsPerSpeaker,
    LocalTime digestTime,
    List<String> countdownPosts,
    String reminderBefore,
    String decisionDelay,
    Boolean tellShortlisted,
    String confirmReminder,
    String slidesDueBefore) {

  public BotConfig {
    defaultLanguage = defaultLanguage == null ? Lang.ZH : defaultLanguage;
    organizerLanguage = organizerLanguage == null ? Lang.ZH : organizerLanguage;
    maxSubmissionsPerSpeaker = maxSubmissionsPerSpeaker == null ? 3 : maxSubmissionsPerSpeaker;
    if (maxSubmissionsPerSpeaker < 1) {
      throw new IllegalArgumentException("max_submissions_per_speaker must be at least 1");
    }
    countdownPosts =
        countdownPosts == null ? List.of("7d", "3d", "1d", "3h") : List.copyOf(countdownPosts);
    countdownPosts.forEach(Durations::parse);
    reminderBefore = reminderBefore == null ? "24h" : reminderBefore;
    Durations.parse(reminderBefore);
    decisionDelay = decisionDelay == null ? "10m" : decisionDelay;
    Durations.parse(decisionDelay);
    tellShortlisted = tellShortlisted != null && tellShortlisted;
    confirmReminder = confirmReminder == null ? "3d" : confirmReminder;
    Durations.parse(confirmReminder);
    slidesDueBefore = slidesDueBefore == null ? "3d" : slidesDueBefore;
    Durations.parse(slidesDueBefore);
  }

  public static BotConfig defaults() {
    return new BotConfig(null, null, null, null, null, null, null, null, null, null);
  }

  public List<Duration> countdown() {
    return countdownPosts.stream().map(Durations::parse).toList();
  }

  public Duration reminder() {
    return Durations.parse(reminderBefore);
  }

  public Duration decisionWait() {
    return Durations.parse(decisionDelay);
  }

  public Duration confirmWait() {
    return Durations.parse(confirmReminder);
  }

  public Duration slidesDue() {
    return Durations.parse(slidesDueBefore);
  }
}
