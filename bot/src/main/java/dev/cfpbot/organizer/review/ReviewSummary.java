package dev.cfpbot.organizer.review;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.organizer.DigestSection;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The digest's review line: how many of the proposals still in play every organizer has scored ("12
 * of 31 proposals reviewed by everyone"), and how to open the board.
 */
public final class ReviewSummary implements DigestSection {
  private final Messages messages;
  private final Storage storage;
  private final Roster roster;

  public ReviewSummary(Messages messages, Storage storage, Roster roster) {
    this.messages = messages;
    this.storage = storage;
    this.roster = roster;
  }

  /**
   * The line for {@code event}; "everyone" is the configured organizers (or whoever scored).
   * Nothing while there is nothing to review: "0 of 0 reviewed" before the first proposal is noise.
   */
  @Override
  public Optional<String> text(Tx tx, EventConfig event, Lang lang) {
    List<Submission> inPlay =
        storage.submissions().listSubmitted(tx, event.id()).stream()
            .filter(Scores::reviewable)
            .toList();
    if (inPlay.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<String>> scoredBy =
        storage.reviews().scoredBy(tx, inPlay.stream().map(Submission::id).toList());
    Set<String> everyone = new HashSet<>(roster.identities());
    if (everyone.isEmpty()) {
      // The console: whoever has reviewed is everyone there is.
      scoredBy.values().forEach(everyone::addAll);
    }
    long complete =
        inPlay.stream()
            .filter(
                s ->
                    !everyone.isEmpty()
                        && scoredBy.getOrDefault(s.id(), List.of()).containsAll(everyone))
            .count();
    return Optional.of(
        messages.text(
            lang,
            "digest.reviews",
            "done",
            complete,
            "total",
            inPlay.size(),
            "organizers",
            everyone.size()));
  }
}
