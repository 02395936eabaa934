package dev.cfpbot.organizer;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.i18n.TimeFormat;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organizers' overview of a call: totals by state, how far the review is, what changed since
 * the last digest, drafts in progress, time left, and messages that could not be delivered or are
 * waiting to be.
 */
public final class Digest {
  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;
  private final Storage storage;
  private final List<DigestSection> sections;

  public Digest(
      CfpConfig config, Messages messages, Storage storage, List<DigestSection> sections) {
    this.config = config;
    this.messages = messages;
    this.templates = new Templates(messages);
    this.storage = storage;
    this.sections = List.copyOf(sections);
  }

  /** The schedule entry whose time marks "since the last digest" for an event. */
  static String marker(EventConfig event) {
    return "digest-sent:" + event.id();
  }

  /**
   * The digest of {@code event} and the time it covers from, and records {@code now} as the time of
   * the last digest.
   */
  public String build(Tx tx, EventConfig event, Instant now) {
    Lang lang = config.bot().organizerLanguage();
    Instant since = storage.schedules().lastRun(tx, marker(event)).orElse(Instant.EPOCH);
    storage.schedules().markRun(tx, marker(event), now);
    Map<SubmissionState, Long> counts = storage.submissions().countByState(tx, event.id());
    List<Submission> submitted = storage.submissions().listSubmitted(tx, event.id());
    Map<String, Submission> byId =
        submitted.stream().collect(Collectors.toMap(Submission::id, Function.identity()));
    Map<String, Map<String, Answer>> answers =
        storage.answers().answersOf(tx, byId.keySet(), false);
    Form form = config.formOf(event);

    List<String> changes = new ArrayList<>();
    for (HistoryEntry h : storage.submissions().historySince(tx, event.id(), since)) {
      Submission s = byId.get(h.submissionId());
      if (s == null || h.to() == SubmissionState.DRAFT) {
        continue;
      }
      String change = h.from() == h.to() ? "EDITED" : h.to().name();
      changes.add(
          messages.text(
              lang,
              "digest.change." + change,
              "name",
              templates.name(s, form, answers.getOrDefault(s.id(), Map.of()), lang)));
    }
    List<OutboxMessage> failed = storage.outbox().failedSince(tx, since);
    Duration left = Duration.between(now, event.closesAt());
    boolean upcoming = event.isUpcoming(now);
    List<String> parts = new ArrayList<>();
    parts.add(upcoming ? upcomingHeader(event, now, lang) : header(event, left, lang));
    parts.add(
        messages.text(
            lang,
            "digest.totals",
            "submitted",
            counts.get(SubmissionState.SUBMITTED),
            "shortlisted",
            counts.get(SubmissionState.SHORTLISTED),
            "accepted",
            counts.get(SubmissionState.ACCEPTED),
            "rejected",
            counts.get(SubmissionState.REJECTED),
            "withdrawn",
            counts.get(SubmissionState.WITHDRAWN),
            "drafts",
            counts.get(SubmissionState.DRAFT)));
    long deleted = counts.get(SubmissionState.DELETED);
    if (deleted > 0) {
      // Proposals whose speaker had their data deleted: said only when there are some.
      parts.set(
          parts.size() - 1,
          parts.get(parts.size() - 1)
              + messages.text(lang, "digest.totals_deleted", "deleted", deleted));
    }
    for (DigestSection section : sections) {
      section.text(tx, event, lang).ifPresent(parts::add);
    }
    String sinceText =
        since.equals(Instant.EPOCH)
            ? messages.text(lang, "digest.since_start")
            : TimeFormat.dateTime(since, event.timeZone(), lang);
    if (!changes.isEmpty()) {
      parts.add(
          messages.text(lang, "digest.changes", "since", sinceText)
              + "\n"
              + String.join("\n", changes));
    } else if (!upcoming) {
      // Before the call opens there is nothing to have changed: the header says when it opens.
      parts.add(messages.text(lang, "digest.no_changes", "since", sinceText));
    }
    if (!failed.isEmpty()) {
      parts.add(messages.text(lang, "digest.failed", "count", failed.size()));
    }
    // Messages a platform holds back (WeChat, until the recipient writes again) are not lost:
    // say that they are waiting, so nobody takes the silence for "nothing happened".
    long waiting = storage.outbox().countAwaitingRetry(tx);
    if (waiting > 0) {
      parts.add(messages.text(lang, "digest.waiting", "count", waiting));
    }
    return String.join("\n\n", parts);
  }

  private String header(EventConfig event, Duration left, Lang lang) {
    return messages.text(
        lang,
        "digest.header",
        "event",
        event.title().in(lang),
        "left",
        TimeFormat.remaining(left, lang),
        "deadline",
        templates.deadline(event, lang));
  }

  /** A call that opens later: when it opens, and its deadline. */
  private String upcomingHeader(EventConfig event, Instant now, Lang lang) {
    Instant opens = event.opensAt().atZone(event.timeZone()).toInstant();
    return messages.text(
        lang,
        "digest.header_upcoming",
        "event",
        event.title().in(lang),
        "opens",
        templates.opens(event, lang),
        "left",
        TimeFormat.remaining(Duration.between(now, opens), lang),
        "deadline",
        templates.deadline(event, lang));
  }
}
