package dev.cfpbot.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The speaker's copy of their data as JSON, for a program to read: field ids, states and ISO times.
 * The same content as {@link DataReport}'s text, and the same limits: nothing of organizers, no
 * server paths.
 */
final class DataJson {
  private final DataReport report;

  /**
   * @param report orders the answers as the form does
   */
  DataJson(DataReport report) {
    this.report = report;
  }

  byte[] write(SpeakerData data, Instant now) {
    Speaker s = data.speaker();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("exported_at", now.toString());
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("id", s.id());
    profile.put("channel", s.channel());
    profile.put("account", s.externalId());
    profile.put("name", s.displayName());
    profile.put("language", s.language());
    profile.put("reminders", s.reminders());
    profile.put("created_at", iso(s.createdAt()));
    root.put("profile", profile);
    root.put(
        "conversation",
        data.conversation()
            .map(
                c -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("step", c.step().toLowerCase(Locale.ROOT));
                  m.put("event", c.eventId());
                  m.put("field", c.fieldId());
                  m.put("updated_at", iso(c.updatedAt()));
                  return m;
                })
            .orElse(null));
    List<Map<String, Object>> proposals = new ArrayList<>();
    List<Map<String, Object>> files = new ArrayList<>();
    for (SpeakerData.Proposal p : data.proposals()) {
      Submission sub = p.submission();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", sub.code());
      m.put("event", sub.eventId());
      m.put("state", sub.state().name().toLowerCase(Locale.ROOT));
      m.put("created_at", iso(sub.createdAt()));
      m.put("updated_at", iso(sub.updatedAt()));
      m.put("submitted_at", iso(sub.submittedAt()));
      m.put("decided_at", iso(sub.decidedAt()));
      m.put("withdrawn_at", iso(sub.withdrawnAt()));
      m.put("answers", values(p.answers()));
      m.put("pending_edits", values(p.pending()));
      List<Map<String, Object>> history = new ArrayList<>();
      for (HistoryEntry h : p.history()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("at", iso(h.at()));
        e.put("from", h.from() == null ? null : h.from().name().toLowerCase(Locale.ROOT));
        e.put("to", h.to().name().toLowerCase(Locale.ROOT));
        e.put("by", "speaker".equals(h.actor()) ? "speaker" : "organizers");
        e.put("note", h.note());
        history.add(e);
      }
      m.put("history", history);
      proposals.add(m);
      for (Answer a : report.answersAndEdits(p)) {
        Map<String, Object> f = file(a.file());
        f.put("proposal", sub.code());
        f.put("field", a.fieldId());
        files.add(f);
      }
    }
    root.put("proposals", proposals);
    root.put("files", files);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("write the speaker's data as JSON", e);
    }
  }

  private static Map<String, Object> values(Map<String, Answer> answers) {
    Map<String, Object> out = new LinkedHashMap<>();
    answers.forEach((id, a) -> out.put(id, a.file() != null ? file(a.file()) : a.text()));
    return out;
  }

  private static Map<String, Object> file(FileRef f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", f.name());
    m.put("type", f.type());
    m.put("size", f.size());
    return m;
  }

  private static String iso(Instant at) {
    return at == null ? null : at.toString();
  }
}
