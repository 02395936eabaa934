/**
 * The speaker's data rights: {@code /mydata} (everything stored about them, as text and JSON) and
 * {@code /forget} (deleted in the turn's transaction, proposals kept as tombstones).
 */
package dev.cfpbot.privacy;
