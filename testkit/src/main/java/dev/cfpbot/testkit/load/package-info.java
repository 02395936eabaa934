/**
 * Load and fault drills against the real bot: the packaged bot runs as its own process against the
 * fake Bot API, and simulated speakers go through complete submissions, one message at a time, each
 * waiting for its reply.
 */
package dev.cfpbot.testkit.load;
