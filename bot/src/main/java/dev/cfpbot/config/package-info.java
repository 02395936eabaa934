/**
 * The operator's configuration: the YAML file (events, the form, texts) and the environment
 * variables that override its deployment settings. A mistake stops start-up with a message that
 * names the key, the file and line, and what was expected.
 */
package dev.cfpbot.config;
