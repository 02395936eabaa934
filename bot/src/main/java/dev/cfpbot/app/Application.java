package dev.cfpbot.app;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.channel.console.ConsoleChannel;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Engine;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.notify.DailyDigest;
import dev.cfpbot.notify.Digest;
import dev.cfpbot.notify.Exporter;
import dev.cfpbot.notify.FailureReports;
import dev.cfpbot.notify.OrganizerAlerts;
import dev.cfpbot.notify.OrganizerCommands;
import dev.cfpbot.notify.OrganizerDesk;
import dev.cfpbot.notify.ScheduledJob;
import dev.cfpbot.notify.Scheduler;
import dev.cfpbot.process.Dispatcher;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.process.OutboxSender;
import dev.cfpbot.process.SpeakerTurn;
import dev.cfpbot.process.SubmissionLifecycle;
import dev.cfpbot.process.TurnProcessor;
import dev.cfpbot.storage.Storage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The running bot: storage, engine, channels, sender and schedules, wired and started. */
final class Application implements AutoCloseable {
  private final Launch launch;
  private final Storage storage;
  private final Map<String, Channel> channels;
  private final OutboxSender sender;
  private final Dispatcher dispatcher;
  private final Scheduler scheduler;
  private final ConsoleChannel console;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Application(Launch launch, Storage storage, Map<String, Channel> channels) {
    this.launch = launch;
    this.storage = storage;
    this.channels = channels;
    this.console = (ConsoleChannel) channels.get(ConsoleChannel.NAME);
    CfpConfig config = launch.config();
    Lang organizerLang = config.bot().organizerLanguage();
    Map<String, Routes> routes = new LinkedHashMap<>();
    channels.forEach((name, channel) -> routes.put(name, channel.routes()));

    Outbox outbox = new Outbox(storage.outbox(), routes);
    OrganizerAlerts alerts = new OrganizerAlerts(config, launch.messages(), storage, outbox);
    SubmissionLifecycle lifecycle =
        new SubmissionLifecycle(storage.submissions(), storage.answers(), alerts);
    Digest digest = new Digest(config, launch.messages(), storage);
    OrganizerCommands commands = new OrganizerCommands(routes, launch.messages(), organizerLang);
    new OrganizerDesk(
            config,
            launch.messages(),
            storage,
            digest,
            new Exporter(config, storage),
            lifecycle,
            launch.settings().dataDir())
        .registerAll(commands);

    this.sender =
        new OutboxSender(
            storage,
            channels,
            new FailureReports(outbox, launch.messages(), organizerLang),
            launch.io().clock(),
            8);
    Engine engine = new Engine(config, launch.messages());
    TurnProcessor processor =
        new TurnProcessor(
            storage,
            new SpeakerTurn(storage, engine, lifecycle, config.bot().defaultLanguage()),
            commands,
            outbox,
            launch.messages(),
            config.bot().defaultLanguage(),
            launch.io().clock(),
            sender::wake);
    this.dispatcher =
        new Dispatcher(processor, Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
    List<ScheduledJob> jobs = new ArrayList<>();
    if (config.bot().digestTime() != null) {
      for (EventConfig event : config.events()) {
        jobs.add(new DailyDigest(event, config.bot().digestTime(), digest, outbox));
      }
    }
    this.scheduler = new Scheduler(storage, jobs, launch.io().clock(), sender::wake);
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
    app.run();
    return app;
  }

  private void run() {
    sender.start();
    scheduler.start(Duration.ofSeconds(30));
    Banner.print(launch, channels.keySet());
    for (Channel channel : channels.values()) {
      if (channel == console) {
        console.start(
            in -> {
              var result = dispatcher.handle(in);
              sender.drain(ConsoleChannel.NAME, Duration.ofSeconds(30));
              return result;
            });
      } else {
        channel.start(dispatcher);
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "cfpbot-shutdown"));
  }

  /** Returns when the bot should stop: the console's input ended, or the process was told to. */
  void awaitStop() throws InterruptedException {
    if (console != null && channels.size() == 1) {
      console.awaitEnd();
      sender.drain(ConsoleChannel.NAME, Duration.ofSeconds(30));
      return;
    }
    stopped.await();
  }

  @Override
  public void close() {
    channels.values().forEach(Channel::stop);
    scheduler.close();
    dispatcher.close();
    sender.close();
    storage.close();
  }
}
