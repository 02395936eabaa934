package dev.cfpbot.conversation;

/**
 * Why a turn did not keep the file the message brought, for the page it was uploaded on (the chat
 * hears the same in its own words).
 */
public enum FileRefusal {
  /** The proposal it was for no longer exists (a cancelled draft). */
  GONE,
  /** The proposal can no longer be changed (withdrawn, not selected). */
  NOT_EDITABLE,
  /** The call for the proposal's event has closed. */
  CLOSED,
  /** The chat is at another step; the file is welcome once it is done. */
  ELSEWHERE,
  /** All the speaker's files together would exceed their storage quota. */
  QUOTA,
  /** The file was refused as an answer (its size or type, said in the chat). */
  INVALID
}
