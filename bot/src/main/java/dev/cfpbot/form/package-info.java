/**
 * The form as data: ordered fields with a type, required or optional, limits, and texts in both
 * languages; and the checks an answer must pass. Pure: no I/O, no clock.
 */
package dev.cfpbot.form;
