/**
 * The CFP data model as immutable records: what the stores read and write. No behaviour here beyond
 * the submission state machine's transition rules.
 */
package dev.cfpbot.storage.model;
