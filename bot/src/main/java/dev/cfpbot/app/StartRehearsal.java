package dev.cfpbot.app;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelContext;
import dev.cfpbot.channel.ChannelFactory;
import dev.cfpbot.channel.ChannelRegistry;
import dev.cfpbot.channel.ChannelRehearsal;
import dev.cfpbot.channel.HttpRoutes;
import dev.cfpbot.channel.Terminal;
import dev.cfpbot.config.ConfigException;
import dev.cfpbot.config.HttpSettings;
import dev.cfpbot.config.Settings;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.process.UpdateInbox;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.web.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up rehearsal (README, Performance): before the HTTP server opens, the channels that
 * rehearse ({@link ChannelRehearsal}: WeChat, whose callbacks wait for their answer) play a crowd
 * of speakers submitting a talk against a private copy of the bot — an H2 file of its own in a new
 * temporary directory, the channels made again over it, its HTTP server on a free loopback port,
 * nothing sent. On this JVM's flags a method is compiled only after a few hundred runs, and a
 * message runs thousands of methods: without this, the first crowd after a restart (200 WeChat
 * followers at once) met them interpreted and the compiler busy, and its p99 was about twice what
 * it is after a rehearsal (733 against 338 ms plain, 986 against 451 ms safe: README, Performance,
 * "Eleventh round"). Nothing of a rehearsal reaches the platforms, the bot's database or its log
 * (but for a line that says what it did); one that fails leaves a slower first minute, nothing
 * else. {@code CFPBOT_REHEARSAL}: the number of speakers, or {@code off}.
 */
final class StartRehearsal {
  static final String VARIABLE = "CFPBOT_REHEARSAL";

  /** Speakers by default: about what the compiler needs (README, Performance). */
  static final int SPEAKERS = 100;

  /** Speakers not begun by then are left out: on a slow machine a start waits no longer. */
  static final Duration BUDGET = Duration.ofSeconds(5);

  /** The copy's directory in the system's temporary one: {@code cfpbot-rehearsal-<random>}. */
  static final String PREFIX = "cfpbot-rehearsal-";

  /**
   * A copy's directory older than this is a leftover (a rehearsal takes seconds): of a bot killed
   * while it rehearsed, which had no chance to delete it.
   */
  static final Duration LEFTOVER = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(StartRehearsal.class);

  /** What a rehearsal did: for the log line, and for tests. */
  record Result(int speakers, int messages, int answered, Duration took) {}

  private StartRehearsal() {}

  /** The speakers {@code CFPBOT_REHEARSAL} asks for: {@link #SPEAKERS} when unset, 0 for off. */
  static int speakers(Map<String, String> env) {
    String value = env.getOrDefault(VARIABLE, "").strip();
    if (value.isEmpty()) {
      return SPEAKERS;
    }
    if (value.equalsIgnoreCase("off")) {
      return 0;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // explained below
    }
    throw new ConfigException(
        VARIABLE + ": '" + value + "' is not a number of speakers; expected e.g. 100, or off");
  }

  /**
   * Rehearses the {@code channels} that can (made by {@code selected}), if any, and logs what it
   * did; empty when none rehearsed.
   */
  static Optional<Result> run(
      Launch launch, List<ChannelFactory> selected, Map<String, Channel> channels) {
    int speakers = speakers(launch.io().env());
    List<ChannelFactory> rehearsing =
        selected.stream()
            .filter(f -> channels.get(f.name()).abilities().rehearsal().isPresent())
            .toList();
    if (speakers == 0 || rehearsing.isEmpty()) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    List<String> script = RehearsalScript.of(launch.config());
    int answered;
    Runnable restoreLog = LogSetup.quiet();
    try {
      answered = rehearse(launch, rehearsing, Collections.nCopies(speakers, script));
    } catch (IOException | RuntimeException | LinkageError e) {
      restoreLog.run();
      log.warn("start-up rehearsal failed (the first messages will be slower): {}", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      restoreLog.run();
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    restoreLog.run();
    Result result =
        new Result(
            speakers,
            speakers * script.size() * rehearsing.size(),
            answered,
            Duration.ofNanos(System.nanoTime() - start));
    log.info(
        "start-up rehearsal: {} speakers, {} of {} messages answered in {} ms ({}=off: none)",
        result.speakers(),
        result.answered(),
        result.messages(),
        result.took().toMillis(),
        VARIABLE);
    return Optional.of(result);
  }

  /** Plays {@code speakers} against a copy of the bot with {@code rehearsing}; the answers. */
  private static int rehearse(
      Launch launch, List<ChannelFactory> rehearsing, List<List<String>> speakers)
      throws IOException, InterruptedException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    // File times are the system's, whatever clock the bot runs on.
    sweep(tmp, Instant.now().minus(LEFTOVER));
    Path dir = Files.createTempDirectory(tmp, PREFIX);
    try (Storage storage = Storage.open(Settings.h2FileUrl(dir.resolve("cfpbot")), "sa", "", 4)) {
      PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
      ChannelContext context =
          new ChannelContext(
              launch.config(),
              launch.messages(),
              storage,
              new FileStore(dir),
              null,
              null,
              new UpdateInbox(storage),
              new Terminal(InputStream.nullInputStream(), nowhere, false, "rehearsal"),
              launch.io().clock());
      Map<String, Channel> copies =
          ChannelRegistry.create(rehearsing, launch.config(), launch.io().env(), context);
      int answered = 0;
      try (Bot bot =
          new Bot(launch.config(), launch.messages(), storage, copies, launch.io().clock(), dir)) {
        bot.startSilently();
        List<HttpRoutes> routes = new ArrayList<>();
        copies.values().forEach(c -> c.abilities().http().ifPresent(routes::add));
        try (WebServer web =
            WebServer.start(
                new HttpSettings("127.0.0.1", 0, null, true),
                routes,
                new Health(storage, copies, launch.io().clock())::report)) {
          URI server = URI.create("http://127.0.0.1:" + web.port());
          for (Channel copy : copies.values()) {
            answered += copy.abilities().rehearsal().orElseThrow().play(server, speakers, BUDGET);
          }
        }
      }
      return answered;
    } finally {
      delete(dir);
    }
  }

  /** Deletes the copies' directories in {@code tmp} last changed before {@code before}. */
  static void sweep(Path tmp, Instant before) {
    try (Stream<Path> dirs = Files.list(tmp)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX)).toList()) {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(dir).toInstant().isBefore(before)) {
          delete(dir);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Leftovers stay for the next start, or the system's own cleaning of its temporary files.
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      log.warn("start-up rehearsal: could not delete {}: {}", dir, e.getMessage());
    }
  }
}
