/**
 * The console channel, the default: the person at the terminal is the speaker and the operator. It
 * works the same when standard input is a pipe, so a script can drive a whole submission.
 */
package dev.cfpbot.channel.console;
