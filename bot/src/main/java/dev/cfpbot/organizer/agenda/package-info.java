/**
 * After the call: accepted speakers confirm they will come, the agenda is built from the confirmed
 * talks and published, and speakers hear what they need before the day.
 */
package dev.cfpbot.organizer.agenda;
