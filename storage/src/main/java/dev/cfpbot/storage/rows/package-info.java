/**
 * Rows of the bot's own machinery as the stores read and write them: a conversation's saved state,
 * outbox messages and their states, upload links. Not part of the domain.
 */
package dev.cfpbot.storage.rows;
