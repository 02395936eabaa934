package dev.cfpbot.domain;

import java.time.Instant;

/**
 * One state change of a submission.
 *
 * @param from null when the submission was created
 * @param actor who made the change: "speaker", or an organizer's channel and id
 */
public record HistoryEntry(
    String submissionId,
    SubmissionState from,
    SubmissionState to,
    String actor,
    String note,
    Instant at) {}
