package dev.cfpbot.app;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.console.ConsoleChannel;
import dev.cfpbot.config.HttpSettings;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.files.Housekeeping;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.web.DownloadLinks;
import dev.cfpbot.web.DownloadPage;
import dev.cfpbot.web.HttpRoutes;
import dev.cfpbot.web.UploadLinks;
import dev.cfpbot.web.UploadPage;
import dev.cfpbot.web.UploadTargets;
import dev.cfpbot.web.WebServer;
import dev.cfpbot.web.review.ReviewRoutes;
import dev.cfpbot.web.review.ReviewTokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The running program: the storage it opened, the channels it chose, and the bot over them. */
final class Application implements AutoCloseable {
  private static final Duration CONSOLE_WAIT = Duration.ofSeconds(30);

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
  private final ConsoleChannel console;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread shutdownHook = new Thread(this::stopOnSignal, "cfpbot-shutdown");
  private final Housekeeping housekeeping;
  private boolean closed;
  private WebServer web;
  private java.util.concurrent.ScheduledExecutorService consoleTimer;

  private final ReviewTokens reviewTokens;

  private Application(
      Launch launch, Storage storage, Map<String, Channel> channels, ReviewTokens reviewTokens) {
    this.launch = launch;
    this.storage = storage;
    this.channels = channels;
    this.reviewTokens = reviewTokens;
    this.console = (ConsoleChannel) channels.get(ConsoleChannel.NAME);
    this.bot =
        new Bot(
            launch.config(),
            launch.messages(),
            storage,
            channels,
            launch.io().clock(),
            launch.settings().dataDir(),
            reviewTokens);
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
    // The console runs when no platform does, or when asked for.
    boolean console = launch.consoleWanted() || !Channels.anyConfigured(launch.config(), io.env());
    if (console) {
      // The terminal is the chat: keep routine log lines out of it (warnings still show). Set
      // before anything logs: logging reads it once, when first used (opening the database).
      System.setProperty("cfpbot.stderr.level", io.env().getOrDefault("CFPBOT_LOG_LEVEL", "WARN"));
    }
    Storage storage = launch.openStorageWaiting();
    Application app;
    try {
      ChannelContext context = context(launch, storage, http);
      Map<String, Channel> channels = new LinkedHashMap<>(Channels.create(context));
      if (console) {
        channels.put(ConsoleChannel.NAME, console(io));
      }
      ReviewTokens reviews =
          http.publicUrl() == null
              ? null
              : new ReviewTokens(
                  http.publicUrl(),
                  SecretKey.load(launch.settings().dataDir(), io.env()),
                  io.clock(),
                  REVIEW_LINK_LIFETIME);
      app = new Application(launch, storage, channels, reviews);
      app.startWeb(http, context);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    app.bot.start(app::handlerFor);
    app.housekeeping.start(Duration.ofMinutes(1), HOUSEKEEPING_EVERY);
    if (app.console != null) {
      // Messages nobody typed for (a scheduled digest) still reach the terminal.
      app.consoleTimer =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              dev.cfpbot.concurrent.Threads.named("cfpbot-console-out"));
      app.consoleTimer.scheduleWithFixedDelay(
          () -> app.bot.sender().drain(ConsoleChannel.NAME, Duration.ZERO),
          1,
          1,
          java.util.concurrent.TimeUnit.SECONDS);
    }
    Banner.print(launch, app.channels.keySet(), app.web == null ? -1 : app.web.port());
    try {
      Runtime.getRuntime().addShutdownHook(app.shutdownHook);
    } catch (IllegalStateException e) {
      // Told to stop (SIGTERM) while it was starting: the JVM is already shutting down.
      app.stopped.countDown();
    }
    return app;
  }

  private static ChannelContext context(Launch launch, Storage storage, HttpSettings http) {
    UploadLinks uploads = null;
    DownloadLinks downloads = null;
    if (http.publicUrl() != null) {
      byte[] key = SecretKey.load(launch.settings().dataDir(), launch.io().env());
      Clock clock = launch.io().clock();
      uploads = new UploadLinks(http.publicUrl(), key, clock, UPLOAD_LINK_LIFETIME, storage);
      downloads = new DownloadLinks(http.publicUrl(), key, clock, DOWNLOAD_LINK_LIFETIME);
    }
    return new ChannelContext(
        launch.config(),
        launch.io().env(),
        launch.messages(),
        storage,
        new FileStore(launch.settings().dataDir()),
        http,
        uploads,
        downloads,
        launch.io().clock());
  }

  private static ConsoleChannel console(Io io) {
    boolean interactive = System.console() != null && io.in() == System.in;
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
    String user = System.getProperty("user.name", "local");
    return new ConsoleChannel(reader, io.out(), interactive, io.clock(), user);
  }

  /**
   * The HTTP server runs when a channel serves HTTP, when there is a public URL (the upload page,
   * export downloads and the review board are served for any channel that links to them), or when
   * the operator set a port.
   */
  private void startWeb(HttpSettings http, ChannelContext context) {
    List<HttpRoutes> routes = new ArrayList<>();
    channels.values().stream()
        .filter(c -> c instanceof HttpRoutes r && r.wanted())
        .map(c -> (HttpRoutes) c)
        .forEach(routes::add);
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
    if (routes.isEmpty() && !http.explicit()) {
      return;
    }
    web = WebServer.start(http, routes, new Health(storage, channels, context.clock())::report);
  }

  /** The console shows each line's replies before it reads the next line. */
  private InboundHandler handlerFor(Channel channel) {
    if (channel != console) {
      return bot.dispatcher();
    }
    return in -> {
      var result = bot.dispatcher().handle(in);
      bot.sender().drain(ConsoleChannel.NAME, CONSOLE_WAIT);
      return result;
    };
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

  /** Returns when the bot should stop: the console's input ended, or the process was told to. */
  void awaitStop() throws InterruptedException {
    if (console != null && channels.size() == 1) {
      console.awaitEnd();
      bot.sender().drain(ConsoleChannel.NAME, CONSOLE_WAIT);
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
    if (consoleTimer != null) {
      dev.cfpbot.concurrent.Shutdown.gently(consoleTimer, "the console output");
    }
    bot.close();
    housekeeping.close();
    if (web != null) {
      web.close();
    }
    storage.close();
  }
}
