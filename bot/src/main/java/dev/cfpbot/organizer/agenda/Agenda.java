package dev.cfpbot.organizer.agenda;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.config.ProgrammeSlot;
import dev.cfpbot.domain.Submission;
import java.util.List;
import java.util.Optional;

/**
 * An event's agenda: its programme with a confirmed talk in each talk slot it could fill, and the
 * confirmed talks there was no slot for.
 */
public record Agenda(EventConfig event, List<Item> items, List<Talk> waiting) {

  public Agenda {
    items = List.copyOf(items);
    waiting = List.copyOf(waiting);
  }

  /**
   * One slot of the programme.
   *
   * @param number the talk slot's number from 1 (what {@code /agenda move} names); 0 for others
   * @param talk the talk in it; null for a slot with no talk (yet)
   */
  public record Item(ProgrammeSlot slot, int number, Talk talk) {}

  /**
   * A talk as the community sees it: the speaker's name, the title, and the other public fields'
   * answers (the abstract), nothing else.
   */
  public record Talk(Submission submission, String name, String title, List<String> details) {
    public Talk {
      details = List.copyOf(details);
    }
  }

  /** The talks placed, in slot order. */
  public List<Item> talks() {
    return items.stream().filter(i -> i.talk() != null).toList();
  }

  /** The slot {@code submissionId} is in, if any. */
  public Optional<Item> slotOf(String submissionId) {
    return talks().stream()
        .filter(i -> i.talk().submission().id().equals(submissionId))
        .findFirst();
  }
}
