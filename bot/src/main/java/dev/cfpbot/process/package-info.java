/**
 * Moving messages through the bot: {@link dev.cfpbot.process.TurnProcessor} handles one inbound
 * message in one transaction (de-duplication, the engine's turn, answers, submission changes and
 * outgoing messages commit together), {@link dev.cfpbot.process.Dispatcher} keeps each chat's
 * messages in order while different chats run in parallel, and {@link
 * dev.cfpbot.process.OutboxSender} delivers what the outbox holds.
 */
package dev.cfpbot.process;
