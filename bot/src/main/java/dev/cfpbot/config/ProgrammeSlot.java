package dev.cfpbot.config;

import java.time.LocalDateTime;

/**
 * One slot of an event's programme, in the event's local time.
 *
 * @param label what happens in it (opening, break, ...); null for a talk slot
 */
public record ProgrammeSlot(LocalDateTime start, LocalDateTime end, String label) {

  /** Whether a talk goes in this slot. */
  public boolean isTalk() {
    return label == null;
  }
}
