package dev.cfpbot.app;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.console.ConsoleChannel;
import dev.cfpbot.storage.Storage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The running program: the storage it opened, the channels it chose, and the bot over them. */
final class Application implements AutoCloseable {
  private static final Duration CONSOLE_WAIT = Duration.ofSeconds(30);

  private final Storage storage;
  private final Map<String, Channel> channels;
  private final Bot bot;
  private final ConsoleChannel console;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread shutdownHook = new Thread(stopped::countDown, "cfpbot-shutdown");

  private Application(Launch launch, Storage storage, Map<String, Channel> channels) {
    this.storage = storage;
    this.channels = channels;
    this.console = (ConsoleChannel) channels.get(ConsoleChannel.NAME);
    this.bot =
        new Bot(
            launch.config(),
            launch.messages(),
            storage,
            channels,
            launch.io().clock(),
            launch.settings().dataDir());
  }

  static Application start(Io io, Launch launch) {
    Map<String, Channel> channels = new LinkedHashMap<>();
    // Platform channels join here; the console runs when there are none, or when asked for.
    if (channels.isEmpty() || launch.consoleWanted()) {
      boolean interactive = System.console() != null && io.in() == System.in;
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
      String user = System.getProperty("user.name", "local");
      channels.put(
          ConsoleChannel.NAME, new ConsoleChannel(reader, io.out(), interactive, io.clock(), user));
    }
    if (channels.containsKey(ConsoleChannel.NAME)) {
      // The terminal is the chat: keep routine log lines out of it (warnings still show).
      System.setProperty("cfpbot.stderr.level", io.env().getOrDefault("CFPBOT_LOG_LEVEL", "WARN"));
    }
    Storage storage = launch.openStorage();
    Application app;
    try {
      app = new Application(launch, storage, channels);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    app.bot.start(app::handlerFor);
    Banner.print(launch, channels.keySet());
    Runtime.getRuntime().addShutdownHook(app.shutdownHook);
    return app;
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

  /** Returns when the bot should stop: the console's input ended, or the process was told to. */
  void awaitStop() throws InterruptedException {
    if (console != null && channels.size() == 1) {
      console.awaitEnd();
      bot.sender().drain(ConsoleChannel.NAME, CONSOLE_WAIT);
      return;
    }
    stopped.await();
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running or has run
    }
    bot.close();
    storage.close();
  }
}
