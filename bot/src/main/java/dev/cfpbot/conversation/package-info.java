/**
 * The conversation engine: a pure function from (saved state, one inbound message, the current
 * time) to (new state, replies, effects). It reads no clock, touches no database and knows no
 * platform; {@link dev.cfpbot.process.TurnProcessor} loads its input and applies its output in one
 * transaction. Fields are referenced by their stable ids, never by position.
 */
package dev.cfpbot.conversation;
