package dev.cfpbot.privacy;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.Form;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything stored about one speaker, as the text {@code /mydata} shows. Only what the speaker may
 * see: their own profile, proposals, answers, history and files — not which organizer decided, and
 * not where the server keeps the files.
 */
final class DataReport {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;
  private final ZoneId zone;

  DataReport(CfpConfig config, Messages messages) {
    this.config = config;
    this.messages = messages;
    this.templates = new Templates(messages);
    // One zone for every time shown: the operator's, as the first event has it.
    this.zone = config.events().get(0).timeZone();
  }

  String text(SpeakerData data, Lang lang) {
    Speaker s = data.speaker();
    List<String> parts = new ArrayList<>();
    parts.add(t(lang, "mydata.header", "zone", zone.getId()));
    parts.add(
        t(
            lang,
            "mydata.profile",
            "channel",
            s.channel(),
            "account",
            s.externalId(),
            "name",
            s.displayName() == null ? t(lang, "mydata.unknown") : s.displayName(),
            "language",
            Lang.parse(s.language()).map(l -> l == Lang.ZH ? "中文" : "English").orElse("?"),
            "reminders",
            t(lang, s.reminders() ? "mydata.on" : "mydata.off"),
            "created",
            time(s.createdAt())));
    data.proposals().forEach(p -> parts.add(proposal(p, lang)));
    if (data.proposals().isEmpty()) {
      parts.add(t(lang, "mydata.no_proposals"));
    }
    List<String> files = new ArrayList<>(List.of(t(lang, "mydata.files")));
    for (SpeakerData.Proposal p : data.proposals()) {
      for (Answer a : answersAndEdits(p)) {
        FileRef f = a.file();
        files.add(
            t(
                lang,
                "mydata.file",
                "name",
                f.name(),
                "type",
                f.type(),
                "size",
                Templates.size(f.size()),
                "proposal",
                code(p.submission(), lang),
                "field",
                label(p.submission(), a.fieldId(), lang)));
      }
    }
    if (files.size() == 1) {
      files.add(t(lang, "mydata.no_files"));
    }
    parts.add(String.join("\n", files));
    parts.add(t(lang, "mydata.footer"));
    return String.join("\n\n", parts);
  }

  private String proposal(SpeakerData.Proposal p, Lang lang) {
    Submission s = p.submission();
    Optional<EventConfig> event = config.event(s.eventId());
    List<String> dates = new ArrayList<>();
    date(dates, lang, "created", s.createdAt());
    date(dates, lang, "submitted", s.submittedAt());
    date(dates, lang, "decided", s.decidedAt());
    date(dates, lang, "withdrawn", s.withdrawnAt());
    date(dates, lang, "updated", s.updatedAt());
    List<String> lines = new ArrayList<>();
    lines.add(
        t(
            lang,
            "mydata.proposal",
            "name",
            event.isEmpty()
                ? code(s, lang)
                : templates.name(s, config.formOf(event.get()), p.answers(), lang),
            "event",
            event.map(e -> e.title().in(lang)).orElse(s.eventId()),
            "state",
            templates.state(s, lang),
            "dates",
            String.join(" · ", dates)));
    ordered(s, p.answers()).forEach(a -> lines.add(line(s, a, lang)));
    if (!p.pending().isEmpty()) {
      lines.add(t(lang, "mydata.pending"));
      ordered(s, p.pending()).forEach(a -> lines.add(line(s, a, lang)));
    }
    lines.add(t(lang, "mydata.history"));
    for (HistoryEntry h : p.history()) {
      lines.add(history(s, h, lang));
    }
    return String.join("\n", lines);
  }

  private String history(Submission s, HistoryEntry h, Lang lang) {
    String by = t(lang, "speaker".equals(h.actor()) ? "mydata.by.speaker" : "mydata.by.organizers");
    String at = time(h.at());
    if (h.from() == null) {
      return t(lang, "mydata.history.created", "time", at);
    }
    if (h.from() == h.to()) {
      String note = h.note() == null ? "" : h.note().replaceFirst("^edited: ", "");
      List<String> fields = new ArrayList<>();
      for (String id : note.split(",\\s*")) {
        fields.add(label(s, id, lang));
      }
      String joined = String.join(lang == Lang.ZH ? "、" : ", ", fields);
      return t(lang, "mydata.history.edited", "time", at, "fields", joined, "by", by);
    }
    String line =
        t(
            lang,
            "mydata.history.change",
            "time",
            at,
            "from",
            t(lang, "state." + h.from().name()),
            "to",
            t(lang, "state." + h.to().name()),
            "by",
            by);
    return h.note() == null ? line : line + " " + t(lang, "mydata.history.note", "note", h.note());
  }

  /** "label：value", or the removal an unconfirmed edit stands for. */
  private String line(Submission s, Answer a, Lang lang) {
    String colon = lang == Lang.ZH ? "：" : ": ";
    String value =
        a.text() == null && a.file() == null
            ? t(lang, "mydata.pending_removed")
            : templates.value(null, a, lang);
    return label(s, a.fieldId(), lang) + colon + value;
  }

  /** The answers and edits that carry a file. */
  List<Answer> answersAndEdits(SpeakerData.Proposal p) {
    List<Answer> all = new ArrayList<>(ordered(p.submission(), p.answers()));
    all.addAll(ordered(p.submission(), p.pending()));
    return all.stream().filter(a -> a.file() != null).toList();
  }

  /** Answers in the order of the form; answers to fields it no longer has come last. */
  private List<Answer> ordered(Submission s, Map<String, Answer> answers) {
    List<String> order =
        config
            .event(s.eventId())
            .map(config::formOf)
            .map(Form::fields)
            .map(fields -> fields.stream().map(Field::id).toList())
            .orElse(List.of());
    return answers.values().stream()
        .sorted(
            Comparator.comparingInt(
                    (Answer a) ->
                        order.contains(a.fieldId()) ? order.indexOf(a.fieldId()) : order.size())
                .thenComparing(Answer::fieldId))
        .toList();
  }

  private String label(Submission s, String fieldId, Lang lang) {
    return config
        .event(s.eventId())
        .map(config::formOf)
        .flatMap(form -> form.field(fieldId))
        .map(Field::label)
        .map(l -> l.in(lang))
        .orElse(fieldId);
  }

  private String code(Submission s, Lang lang) {
    return s.code() != null ? s.code() : t(lang, "state.DRAFT");
  }

  private void date(List<String> dates, Lang lang, String key, Instant at) {
    if (at != null) {
      dates.add(t(lang, "mydata.date." + key, "time", time(at)));
    }
  }

  private String time(Instant at) {
    return TIME.format(at.atZone(zone));
  }

  private String t(Lang lang, String key, Object... args) {
    return messages.text(lang, key, args);
  }
}
