/**
 * Fakes of the chat platforms for tests and benchmarks: HTTP servers on loopback that speak the
 * platforms' real wire formats, record what the bot sends, and fail on demand.
 */
package dev.cfpbot.testkit;
