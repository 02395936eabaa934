/**
 * The organizers' side: an alert for every submission event, decisions sent back to speakers, the
 * digest (on demand and every day), exports, announcements and countdown posts, draft reminders,
 * the retention purge, and the organizer commands that drive them.
 */
package dev.cfpbot.organizer;
