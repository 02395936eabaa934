/**
 * The review board's pages, {@code /review/<token>/…}: server-rendered HTML in the organizer's
 * language with a few lines of script, readable on a phone. The token in the path is the
 * organizer's personal link (signed, expiring, revocable); every form carries a CSRF token derived
 * from it; nothing is loaded from another site.
 */
package dev.cfpbot.web.review;
