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
import dev.cfpbot.process.UpdateInbox;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.web.AgendaPage;
import dev.cfpbot.web.DownloadPage;
import dev.cfpbot.web.UploadPage;
import dev.cfpbot.web.UploadTargets;
import dev.cfpbot.web.WebServer;
import dev.cfpbot.web.review.ReviewRoutes;
import java.nio.file.Path;
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
  private final SignedLinks links;
  private boolean closed;
  private WebServer web;

  private Application(
      Launch launch,
      Storage storage,
      Map<String, Channel> channels,
      UpdateInbox inbox,
      SignedLinks links) {
    this.launch = launch;
    this.storage = storage;
    this.channels = channels;
    this.links = links;
    this.bot =
        new Bot(
            launch.config(),
            launch.messages(),
            storage,
            channels,
            launch.io().clock(),
            launch.settings().dataDir(),
            inbox,
            links.reviews(),
            links.calendars());
    this.housekeeping =
        new Housekeeping(
            storage,
            launch.settings().dataDir(),
            SignedLinks.DOWNLOAD_LINK_LIFETIME,
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
      SignedLinks links = SignedLinks.of(http, launch, storage);
      ChannelContext context = context(launch, storage, inbox, links);
      Map<String, Channel> channels =
          ChannelRegistry.create(selected, launch.config(), io.env(), context);
      app = new Application(launch, storage, channels, inbox, links);
      // Before the HTTP server opens: a platform's first callbacks then meet compiled code.
      StartRehearsal.run(launch, selected, channels);
      app.startWeb(http, context);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    app.bot.start();
    app.housekeeping.start(Duration.ofMinutes(1), HOUSEKEEPING_EVERY);
    Warmup.done();
    Banner.print(launch, app.channels.keySet(), terminal, app.web == null ? -1 : app.web.port());
    try {
      Runtime.getRuntime().addShutdownHook(app.shutdownHook);
    } catch (IllegalStateException e) {
      // Told to stop (SIGTERM) while it was starting: the JVM is already shutting down.
      app.stopped.countDown();
    }
    return app;
  }

  private static ChannelContext context(
      Launch launch, Storage storage, UpdateInbox inbox, SignedLinks links) {
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
        links.uploads(),
        links.downloads(),
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
    if (links.reviews() != null) {
      routes.add(
          new ReviewRoutes(
              context.config(),
              context.messages(),
              storage,
              bot.review(),
              links.reviews(),
              context.files(),
              context.clock(),
              bot.sender()::wake));
    }
    if (!routes.isEmpty() || http.explicit()) {
      // The published agenda is public: served whenever the server runs.
      routes.add(
          new AgendaPage(
              context.config(), context.messages(), storage, links.calendars(), context.clock()));
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
