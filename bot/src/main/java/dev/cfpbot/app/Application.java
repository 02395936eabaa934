package dev.cfpbot.app;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelContext;
import dev.cfpbot.channel.ChannelFactory;
import dev.cfpbot.channel.ChannelRegistry;
import dev.cfpbot.channel.HttpRoutes;
import dev.cfpbot.channel.Terminal;
import dev.cfpbot.config.HttpSettings;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.files.Housekeeping;
import dev.cfpbot.links.CalendarLinks;
import dev.cfpbot.links.DownloadLinks;
import dev.cfpbot.links.UploadLinks;
import dev.cfpbot.process.UpdateInbox;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.web.AgendaPage;
import dev.cfpbot.web.DownloadPage;
import dev.cfpbot.web.UploadPage;
import dev.cfpbot.web.UploadTargets;
import dev.cfpbot.web.WebServer;
import dev.cfpbot.web.review.ReviewRoutes;
import dev.cfpbot.web.review.ReviewTokens;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** The running program: the storage it opened, the channels it chose, and the bot over them. */
final class Application implements AutoCloseable {
  /** The channel {@code --console} asks for. */
  private static final String CONSOLE = "console";

  /** How long an upload link stays valid. */
  static final Duration UPLOAD_LINK_LIFETIME = Duration.ofDays(7);

  /** How long a link to an export stays valid; the export is deleted after it. */
  static final Duration DOWNLOAD_LINK_LIFETIME = Duration.ofHours(1);

  /** How long an organizer's link to the review board stays valid. */
  static final Duration REVIEW_LINK_LIFETIME = Duration.ofDays(14);

  /** How old a stored file no answer refers to must be to go (uploads in flight are younger). */
  static final Duration UNREFERENCED_FILE_GRACE = Duration.ofHours(1);

  /** How often exports, unreferenced files and expired upload links are looked for. */
  static final Duration HOUSEKEEPING_EVERY = Duration.ofMinutes(10);

  private final Launch launch;
  private final Storage storage;
  private final Map<String, Channel> channels;
  private final Bot bot;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread shutdownHook = new Thread(this::stopOnSignal, "cfpbot-shutdown");
  private final Housekeeping housekeeping;
  private boolean closed;
  private WebServer web;

  private final ReviewTokens reviewTokens;
  private final CalendarLinks calendarLinks;

  private Application(
      Launch launch,
      Storage storage,
      Map<String, Channel> channels,
      UpdateInbox inbox,
      ReviewTokens reviewTokens,
      CalendarLinks calendarLinks) {
    this.launch = launch;
    this.calendarLinks = calendarLinks;
    this.storage = storage;
    this.channels = channels;
    this.reviewTokens = reviewTokens;
    this.bot =
        new Bot(
            launch.config(),
            launch.messages(),
            storage,
            channels,
            launch.io().clock(),
            launch.settings().dataDir(),
            inbox,
            reviewTokens,
            calendarLinks);
    this.housekeeping =
        new Housekeeping(
            storage,
            launch.settings().dataDir(),
            DOWNLOAD_LINK_LIFETIME,
            UNREFERENCED_FILE_GRACE,
            launch.io().clock());
  }

  static Application start(Io io, Launch launch) {
    HttpSettings http = HttpSettings.resolve(launch.config().http(), io.env());
    // The channels the configuration turns on, the ones asked for, or the console.
    List<ChannelFactory> selected =
        launch
            .channels()
            .select(launch.config(), io.env(), launch.consoleWanted() ? Set.of(CONSOLE) : Set.of());
    boolean terminal = selected.stream().anyMatch(ChannelFactory::usesTerminal);
    if (terminal) {
      // The terminal is the chat: keep routine log lines out of it (warnings still show). Set
      // before anything logs: logging reads it once, when first used (opening the database).
      System.setProperty("cfpbot.stderr.level", io.env().getOrDefault("CFPBOT_LOG_LEVEL", "WARN"));
    }
    Storage storage = launch.openStorageWaiting();
    Application app;
    try {
      UpdateInbox inbox = new UpdateInbox(storage);
      ChannelContext context = context(launch, storage, inbox);
      Map<String, Channel> channels =
          ChannelRegistry.create(selected, launch.config(), io.env(), context);
      ReviewTokens reviews =
          http.publicUrl() == null
              ? null
              : new ReviewTokens(
                  http.publicUrl(),
                  SecretKey.load(launch.settings().dataDir(), io.env()),
                  io.clock(),
                  REVIEW_LINK_LIFETIME);
      CalendarLinks calendars =
          http.publicUrl() == null
              ? null
              : new CalendarLinks(
                  http.publicUrl(),
                  SecretKey.load(launch.settings().dataDir(), io.env()),
                  io.clock());
      app = new Application(launch, storage, channels, inbox, reviews, calendars);
      app.startWeb(http, context);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    app.bot.start();
    app.housekeeping.start(Duration.ofMinutes(1), HOUSEKEEPING_EVERY);
    Banner.print(launch, app.channels.keySet(), terminal, app.web == null ? -1 : app.web.port());
    try {
      Runtime.getRuntime().addShutdownHook(app.shutdownHook);
    } catch (IllegalStateException e) {
      // Told to stop (SIGTERM) while it was starting: the JVM is already shutting down.
      app.stopped.countDown();
    }
    return app;
  }

  private static ChannelContext context(Launch launch, Storage storage, UpdateInbox inbox) {
    HttpSettings http = HttpSettings.resolve(launch.config().http(), launch.io().env());
    UploadLinks uploads = null;
    DownloadLinks downloads = null;
    if (http.publicUrl() != null) {
      byte[] key = SecretKey.load(launch.settings().dataDir(), launch.io().env());
      Clock clock = launch.io().clock();
      uploads = new UploadLinks(http.publicUrl(), key, clock, UPLOAD_LINK_LIFETIME, storage);
      downloads = new DownloadLinks(http.publicUrl(), key, clock, DOWNLOAD_LINK_LIFETIME);
    }
    Io io = launch.io();
    Terminal terminal =
        new Terminal(
            io.in(),
            io.out(),
            System.console() != null && io.in() == System.in,
            System.getProperty("user.name", "local"));
    return new ChannelContext(
        launch.config(),
        launch.messages(),
        storage,
        new FileStore(launch.settings().dataDir()),
        uploads,
        downloads,
        inbox,
        terminal,
        io.clock());
  }

  /**
   * The HTTP server runs when a channel serves HTTP, when there is a public URL (the upload page,
   * export downloads and the review board are served for any channel that links to them), or when
   * the operator set a port.
   */
  private void startWeb(HttpSettings http, ChannelContext context) {
    List<HttpRoutes> routes = new ArrayList<>();
    channels.values().forEach(c -> c.abilities().http().ifPresent(routes::add));
    if (context.uploads() != null) {
      Path dataDir = launch.settings().dataDir();
      routes.add(
          new UploadPage(
              bot.dispatcher(),
              context.files(),
              context.uploads(),
              new UploadTargets(context.config(), storage),
              context.messages(),
              context.clock(),
              dataDir.resolve("files").resolve("incoming")));
      routes.add(new DownloadPage(context.downloads(), dataDir));
    }
    if (reviewTokens != null) {
      routes.add(
          new ReviewRoutes(
              context.config(),
              context.messages(),
              storage,
              bot.review(),
              reviewTokens,
              context.files(),
              context.clock(),
              bot.sender()::wake));
    }
    if (!routes.isEmpty() || http.explicit()) {
      // The published agenda is public: served whenever the server runs.
      routes.add(
          new AgendaPage(
              context.config(), context.messages(), storage, calendarLinks, context.clock()));
    }
    if (routes.isEmpty() && !http.explicit()) {
      return;
    }
    web = WebServer.start(http, routes, new Health(storage, channels, context.clock())::report);
  }

  /** The bot's core, for tests that drive its schedule. */
  Bot bot() {
    return bot;
  }

  Storage storage() {
    return storage;
  }

  Housekeeping housekeeping() {
    return housekeeping;
  }

  /** The port the HTTP server listens on; -1 when it does not run. */
  int httpPort() {
    return web == null ? -1 : web.port();
  }

  /**
   * Returns when the bot should stop: every channel's input ended (the console alone, at end of
   * file), or the process was told to.
   */
  void awaitStop() throws InterruptedException {
    if (bot.inputCanEnd()) {
      bot.awaitInputEnd();
      return;
    }
    stopped.await();
  }

  /**
   * SIGTERM or Ctrl-C. The JVM exits as soon as its shutdown hooks return, so the bot is closed
   * here, in order — deliveries recorded, the database closed last — not by the main thread.
   */
  private void stopOnSignal() {
    stopped.countDown();
    close();
  }

  /** Stops the bot; a second call (the main thread after the shutdown hook) waits for the first. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running or has run
    }
    bot.close();
    housekeeping.close();
    if (web != null) {
      web.close();
    }
    storage.close();
  }
}
