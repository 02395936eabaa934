/**
 * Persistence of the call for talks: speakers, conversations, submissions and their answers, the
 * inbox of handled platform messages and the outbox of messages to send.
 *
 * <p>{@link dev.cfpbot.storage.Database} owns the connection pool and the Flyway migrations and
 * runs work in transactions; each store is a stateless set of queries that takes the {@link
 * dev.cfpbot.storage.Tx} it runs in, so one inbound message can change several stores and commit
 * once. Every SQL failure surfaces as an unchecked {@link dev.cfpbot.storage.StorageException} that
 * names the operation that failed. This module knows nothing about chat platforms or the bot.
 */
package dev.cfpbot.storage;
