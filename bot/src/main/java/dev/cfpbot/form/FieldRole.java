package dev.cfpbot.form;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a field means to the bot beyond its question ({@code role:} in the config), whatever its id.
 */
public enum FieldRole {
  /** The talk's title: it names the proposal in receipts, alerts, digests and the status list. */
  @JsonProperty("title")
  TITLE,

  /**
   * The speaker's name: it names the speaker on the review board and the public agenda. Without it,
   * the speaker is unnamed there (the bot never guesses from a field's id).
   */
  @JsonProperty("speaker")
  SPEAKER
}
