/** Threads with names, and stopping executors without interrupting work near the database. */
package dev.cfpbot.concurrent;
