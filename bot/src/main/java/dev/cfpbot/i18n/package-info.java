/**
 * Languages and the texts the bot says. Every speaker-facing text has a Chinese and an English
 * version; the defaults ship in {@code messages.yaml} and the operator may override any of them in
 * the config file.
 */
package dev.cfpbot.i18n;
