package dev.cfpbot.storage.rows;

import java.time.Instant;

/**
 * A talk as an agenda publication placed it.
 *
 * @param slot the talk slot, numbered from 1 in the programme's order
 * @param startsAt when the talk was announced to start
 */
public record PublishedTalk(String submissionId, int slot, Instant startsAt) {}
