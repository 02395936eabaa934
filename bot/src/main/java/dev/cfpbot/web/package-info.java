/**
 * The embedded HTTP server: platform webhooks, the slides upload page and {@code /health}. Channels
 * contribute their routes; it starts only when some channel needs it or the operator set a port.
 */
package dev.cfpbot.web;
