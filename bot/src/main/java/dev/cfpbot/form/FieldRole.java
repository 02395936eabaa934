package dev.cfpbot.form;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a field means to the bot beyond its question ({@code role:} in the config), whatever its id.
 */
public enum FieldRole {
  /** The talk's title: it names the proposal in receipts, alerts, digests and the status list. */
  @JsonProperty("title")
  TITLE
}
