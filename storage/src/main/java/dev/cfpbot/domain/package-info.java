/**
 * The domain of a call for talks as immutable records: speakers, submissions and their answers,
 * files and history, and the submission state machine's transition rules. Depends on nothing: the
 * stores persist it, the engine and the organizer side read it.
 */
package dev.cfpbot.domain;
