/**
 * Organizers review together: their scores and comments, the review board's data, personal links to
 * it, and decisions with a safety net — recorded at once, told to the speaker only after a delay
 * during which any organizer can change or undo them. Channel-neutral: organizers are known by the
 * identity their platform vouches for (channel and platform id), and every state change still goes
 * through {@link dev.cfpbot.process.SubmissionLifecycle}.
 */
package dev.cfpbot.organizer.review;
