/**
 * Files speakers send (the slides): stored under the data directory by content hash, checked by
 * content rather than by name, readable by the bot's user only.
 */
package dev.cfpbot.files;
