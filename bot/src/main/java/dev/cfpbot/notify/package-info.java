/**
 * The organizers' side: an alert for every submission event, decisions sent back to speakers, the
 * digest (on demand and on a schedule), exports, and the organizer commands that drive them.
 */
package dev.cfpbot.notify;
