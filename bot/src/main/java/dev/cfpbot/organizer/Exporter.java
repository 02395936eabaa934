package dev.cfpbot.organizer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.form.Field;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.Review;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All confirmed submissions (withdrawn ones included, drafts not) as CSV or JSON: one row per
 * submission with its code, state and timestamps, then every form field in order; in JSON also the
 * organizers' reviews (who, score, comment, when).
 */
public final class Exporter {
  /** The formats organizers can ask for. */
  public enum Format {
    CSV,
    JSON;

    /** The format named (in any case), or empty for a format the export does not write. */
    public static java.util.Optional<Format> parse(String name) {
      String n = name.strip().toUpperCase(java.util.Locale.ROOT);
      return java.util.Arrays.stream(values()).filter(f -> f.name().equals(n)).findFirst();
    }
  }

  private static final String[] FIXED = {
    "id",
    "event",
    "state",
    "submitted_at",
    "updated_at",
    "decided_at",
    "withdrawn_at",
    "speaker",
    "channel"
  };

  private final CfpConfig config;
  private final Storage storage;

  public Exporter(CfpConfig config, Storage storage) {
    this.config = config;
    this.storage = storage;
  }

  /** Writes the export of every event (or only {@code eventId} when not null) to {@code out}. */
  public int write(Tx tx, Format format, String eventId, OutputStream out) {
    List<Row> rows = rows(tx, eventId);
    try {
      if (format == Format.CSV) {
        writeCsv(rows, out);
      } else {
        writeJson(rows, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("write export", e);
    }
    return rows.size();
  }

  private record Row(
      EventConfig event,
      Submission submission,
      Speaker speaker,
      Map<String, Answer> answers,
      List<Review> reviews) {}

  private List<Row> rows(Tx tx, String eventId) {
    List<Row> rows = new ArrayList<>();
    for (EventConfig event : config.events()) {
      if (eventId != null && !event.id().equals(eventId)) {
        continue;
      }
      List<Submission> submissions = storage.submissions().listSubmitted(tx, event.id());
      Map<String, Map<String, Answer>> answers =
          storage.answers().answersOf(tx, submissions.stream().map(Submission::id).toList(), false);
      Map<String, List<Review>> reviews = storage.reviews().ofEvent(tx, event.id());
      for (Submission s : submissions) {
        // A deleted proposal has no speaker any more: its row keeps code, state and dates only.
        Speaker speaker =
            s.speakerId() == null ? null : storage.speakers().get(tx, s.speakerId()).orElseThrow();
        rows.add(
            new Row(
                event,
                s,
                speaker,
                answers.getOrDefault(s.id(), Map.of()),
                reviews.getOrDefault(s.id(), List.of())));
      }
    }
    return rows;
  }

  /** Every field of every exported event's form, in order of first appearance. */
  private List<Field> columns(List<Row> rows) {
    Map<String, Field> fields = new LinkedHashMap<>();
    config.form().fields().forEach(f -> fields.putIfAbsent(f.id(), f));
    rows.forEach(
        r -> config.formOf(r.event()).fields().forEach(f -> fields.putIfAbsent(f.id(), f)));
    return List.copyOf(fields.values());
  }

  private void writeCsv(List<Row> rows, OutputStream out) throws IOException {
    List<Field> fields = columns(rows);
    Lang lang = config.bot().organizerLanguage();
    CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n").withoutHeader();
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    // The byte order mark makes Excel read the file as UTF-8, so Chinese text shows correctly.
    writer.write('\uFEFF');
    var csv =
        new CsvMapper()
            .writerFor(String[].class)
            .with(schema)
            .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .writeValues(writer);
    List<String> header = new ArrayList<>(List.of(FIXED));
    fields.forEach(f -> header.add(f.label().in(lang)));
    csv.write(header.toArray(String[]::new));
    for (Row row : rows) {
      List<String> cells = new ArrayList<>(fixed(row));
      for (Field f : fields) {
        Answer a = row.answers().get(f.id());
        cells.add(a == null ? "" : a.file() != null ? Templates.file(a.file()) : a.text());
      }
      csv.write(cells.stream().map(Exporter::inert).toArray(String[]::new));
    }
    csv.flush();
    writer.flush();
  }

  private void writeJson(List<Row> rows, OutputStream out) throws IOException {
    List<Field> fields = columns(rows);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> item = new LinkedHashMap<>();
      List<String> fixed = fixed(row);
      for (int i = 0; i < FIXED.length; i++) {
        item.put(FIXED[i], fixed.get(i).isEmpty() ? null : fixed.get(i));
      }
      Map<String, Object> answers = new LinkedHashMap<>();
      for (Field f : fields) {
        Answer a = row.answers().get(f.id());
        answers.put(f.id(), a == null ? null : a.file() != null ? file(a.file()) : a.text());
      }
      item.put("answers", answers);
      item.put("reviews", row.reviews().stream().map(r -> review(r, row.event())).toList());
      items.add(item);
    }
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, items);
    out.flush();
  }

  private static List<String> fixed(Row row) {
    Submission s = row.submission();
    var zone = row.event().timeZone();
    return List.of(
        s.code(),
        row.event().id(),
        s.state().name().toLowerCase(java.util.Locale.ROOT),
        time(s.submittedAt(), zone),
        time(s.updatedAt(), zone),
        time(s.decidedAt(), zone),
        time(s.withdrawnAt(), zone),
        row.speaker() == null || row.speaker().displayName() == null
            ? ""
            : row.speaker().displayName(),
        row.speaker() == null ? "" : row.speaker().channel());
  }

  /**
   * A cell Excel will not run as a formula: speakers type these values, and a leading = + - @ would
   * make a spreadsheet evaluate them. The quote shows the value as typed (a phone number stays
   * +86..., not 8.6E+12).
   */
  static String inert(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char first = cell.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + cell
        : cell;
  }

  /** One organizer's score: who (their name and channel), what, and when it was last changed. */
  private static Map<String, Object> review(Review r, EventConfig event) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("by", r.reviewerName());
    m.put("channel", r.channel());
    m.put("score", r.score());
    m.put("comment", r.comment());
    m.put("at", time(r.updatedAt(), event.timeZone()));
    return m;
  }

  private static Map<String, Object> file(FileRef f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", f.name());
    m.put("type", f.type());
    m.put("size", f.size());
    m.put("sha256", f.sha256());
    m.put("path", f.path());
    return m;
  }

  private static String time(Instant instant, java.time.ZoneId zone) {
    return instant == null
        ? ""
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }
}
