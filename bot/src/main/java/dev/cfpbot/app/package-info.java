/**
 * The application: the command line ({@code run}, {@code export}), reading the configuration and
 * environment, wiring the storage, engine, channels and schedules together, and shutting down.
 */
package dev.cfpbot.app;
