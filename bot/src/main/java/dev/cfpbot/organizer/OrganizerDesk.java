package dev.cfpbot.organizer;

import dev.cfpbot.channel.OrganizerCommand;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.files.PrivateFiles;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The channel-neutral organizer commands: digest, export, submissions and stats (decisions and
 * reviews: {@code organizer.review}).
 */
public final class OrganizerDesk {
  private static final int PAGE = 10;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final CfpConfig config;
  private final Messages messages;
  private final Templates templates;
  private final Storage storage;
  private final Digest digest;
  private final Exporter exporter;
  private final Path dataDir;
  private final Lang lang;

  public OrganizerDesk(
      CfpConfig config,
      Messages messages,
      Storage storage,
      Digest digest,
      Exporter exporter,
      Path dataDir) {
    this.config = config;
    this.messages = messages;
    this.templates = new Templates(messages);
    this.storage = storage;
    this.digest = digest;
    this.exporter = exporter;
    this.dataDir = dataDir;
    this.lang = config.bot().organizerLanguage();
  }

  public void registerAll(OrganizerCommands commands) {
    commands
        .register("digest", (tx, in, arg, now) -> digest(tx, arg, now))
        .register(
            "export", checked("export", a -> Exporter.Format.parse(a).isPresent(), this::export))
        .register(
            "submissions",
            checked("submissions", a -> a.matches("\\d+"), (tx, arg, now) -> submissions(tx, arg)))
        .register("stats", checked("stats", a -> false, (tx, arg, now) -> stats(tx)));
  }

  private interface Command {
    Reply run(Tx tx, String arg, Instant now);
  }

  /** {@code command}, run when its argument is none or {@code valid}; else its usage. */
  private OrganizerCommand checked(String name, Predicate<String> valid, Command command) {
    return (tx, in, arg, now) ->
        arg.isBlank() || valid.test(arg.strip())
            ? List.of(command.run(tx, arg, now))
            : Usage.badArgument(messages, lang, name, arg.strip());
  }

  /**
   * The digest of one event ({@code arg}), or of every call open or still to open (all events when
   * there is none).
   */
  public List<Reply> digest(Tx tx, String arg, Instant now) {
    List<EventConfig> events =
        arg.isBlank()
            ? config.openOrUpcomingEvents(now)
            : config.event(arg.strip()).stream().toList();
    if (events.isEmpty() && arg.isBlank()) {
      events = config.events();
    }
    if (events.isEmpty()) {
      return Usage.of(
          messages,
          lang,
          "digest",
          messages.text(lang, "organizer.no_event", "event", arg.strip()));
    }
    return events.stream().map(e -> Reply.text(digest.build(tx, e, now))).toList();
  }

  /**
   * Writes the export under the data directory (0600 from its creation; deleted once its download
   * link has expired) and attaches it. The reply names the file, not where it is on the server.
   */
  public Reply export(Tx tx, String arg, Instant now) {
    Exporter.Format format = Exporter.Format.parse(arg).orElse(Exporter.Format.CSV);
    String ext = format.name().toLowerCase(Locale.ROOT);
    Path file;
    int count;
    long size;
    try {
      Path dir = PrivateFiles.directory(dataDir.resolve("exports"));
      String base = "cfp-" + STAMP.format(now);
      for (int n = 1; ; n++) {
        file = dir.resolve(base + (n == 1 ? "" : "-" + n) + "." + ext);
        try (OutputStream out = PrivateFiles.create(file)) {
          count = exporter.write(tx, format, null, out);
          break;
        } catch (FileAlreadyExistsException e) {
          // another export in the same second: the next name
        }
      }
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("write export", e);
    }
    FileRef ref =
        new FileRef(
            file.getFileName().toString(),
            format == Exporter.Format.CSV ? "text/csv" : "application/json",
            size,
            null,
            dataDir.relativize(file).toString(),
            null);
    return new Reply(
        messages.text(lang, "export.done", "count", count, "file", file.getFileName()),
        List.of(),
        false,
        ref);
  }

  /** A page of confirmed submissions of every event, newest numbers last. */
  public Reply submissions(Tx tx, String arg) {
    int page = 1;
    try {
      page = Math.max(1, Integer.parseInt(arg.strip()));
    } catch (NumberFormatException e) {
      // no page number: the first page
    }
    List<String> lines = new ArrayList<>();
    for (EventConfig event : config.events()) {
      List<Submission> list = storage.submissions().listSubmitted(tx, event.id());
      var answers =
          storage.answers().answersOf(tx, list.stream().map(Submission::id).toList(), false);
      for (Submission s : list) {
        lines.add(
            templates.name(s, config.formOf(event), answers.getOrDefault(s.id(), Map.of()), lang)
                + " — "
                + templates.state(s, lang));
      }
    }
    if (lines.isEmpty()) {
      return Reply.text(messages.text(lang, "organizer.no_submissions"));
    }
    int pages = (lines.size() + PAGE - 1) / PAGE;
    page = Math.min(page, pages);
    List<String> shown = lines.subList((page - 1) * PAGE, Math.min(lines.size(), page * PAGE));
    String footer =
        page < pages ? "\n" + messages.text(lang, "organizer.next_page", "next", page + 1) : "";
    return Reply.text(
        messages.text(
                lang, "organizer.submissions", "page", page, "pages", pages, "total", lines.size())
            + "\n"
            + String.join("\n", shown)
            + footer);
  }

  public Reply stats(Tx tx) {
    List<String> lines = new ArrayList<>();
    for (EventConfig event : config.events()) {
      Map<SubmissionState, Long> counts = storage.submissions().countByState(tx, event.id());
      StringBuilder line = new StringBuilder(event.title().in(lang)).append(": ");
      List<String> parts = new ArrayList<>();
      counts.forEach(
          (state, n) -> parts.add(messages.text(lang, "state." + state.name()) + " " + n));
      lines.add(line.append(String.join(" · ", parts)).toString());
    }
    return Reply.text(String.join("\n", lines));
  }
}
