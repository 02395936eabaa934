package dev.cfpbot.app;

import dev.cfpbot.channel.Capabilities;
import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.LinksInText;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.channel.console.ConsoleChannel;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Engine;
import dev.cfpbot.files.UnusedFiles;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.organizer.Announcements;
import dev.cfpbot.organizer.CommunityPosts;
import dev.cfpbot.organizer.DailyDigest;
import dev.cfpbot.organizer.Digest;
import dev.cfpbot.organizer.DraftReminders;
import dev.cfpbot.organizer.Exporter;
import dev.cfpbot.organizer.FailureReports;
import dev.cfpbot.organizer.OrganizerAlerts;
import dev.cfpbot.organizer.OrganizerCommandSource;
import dev.cfpbot.organizer.OrganizerCommands;
import dev.cfpbot.organizer.OrganizerDesk;
import dev.cfpbot.organizer.RetentionPurge;
import dev.cfpbot.organizer.review.ReviewDesk;
import dev.cfpbot.organizer.review.ReviewLinks;
import dev.cfpbot.organizer.review.ReviewListener;
import dev.cfpbot.privacy.DataRights;
import dev.cfpbot.process.Dispatcher;
import dev.cfpbot.process.InboundQueue;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.process.OutboxSender;
import dev.cfpbot.process.SpeakerTurn;
import dev.cfpbot.process.SubmissionLifecycle;
import dev.cfpbot.process.TurnProcessor;
import dev.cfpbot.schedule.ScheduledJob;
import dev.cfpbot.schedule.Scheduler;
import dev.cfpbot.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The bot's core wired together over a storage and a set of channels: the turn processor and its
 * dispatcher, the outbox sender, the organizer side and the schedules. Owns none of the channels'
 * or the storage's lifecycles.
 */
public final class Bot implements AutoCloseable {
  private final Map<String, Channel> channels;
  private final Outbox outbox;
  private final OutboxSender sender;
  private final Dispatcher dispatcher;
  private final Scheduler scheduler;
  private final OrganizerCommands commands;
  private final InboundQueue queue;
  private final ReviewDesk review;

  public Bot(
      CfpConfig config,
      Messages messages,
      Storage storage,
      Map<String, Channel> channels,
      Clock clock,
      Path dataDir) {
    this(config, messages, storage, channels, clock, dataDir, null);
  }

  /**
   * @param reviewLinks personal links to the review board; null without a public URL
   */
  public Bot(
      CfpConfig config,
      Messages messages,
      Storage storage,
      Map<String, Channel> channels,
      Clock clock,
      Path dataDir,
      ReviewLinks reviewLinks) {
    this.channels = Map.copyOf(channels);
    Lang organizerLang = config.bot().organizerLanguage();
    Map<String, Routes> routes = new LinkedHashMap<>();
    channels.forEach((name, channel) -> routes.put(name, channel.routes()));

    Map<String, Capabilities> capabilities = new LinkedHashMap<>();
    channels.forEach((name, channel) -> capabilities.put(name, channel.capabilities()));
    Map<String, LinksInText> links = new LinkedHashMap<>();
    channels.forEach(
        (name, channel) -> {
          if (channel instanceof LinksInText l) {
            links.put(name, l);
          }
        });
    this.outbox = new Outbox(storage.outbox(), routes, capabilities, links);
    OrganizerAlerts alerts = new OrganizerAlerts(config, messages, storage, outbox);
    SubmissionLifecycle lifecycle =
        new SubmissionLifecycle(
            storage.submissions(), storage.answers(), new ReviewListener(storage, alerts));
    this.review = new ReviewDesk(config, messages, storage, lifecycle, outbox, routes, reviewLinks);
    Digest digest = new Digest(config, messages, storage, review.summary());
    this.commands = new OrganizerCommands(routes, messages, organizerLang);
    new OrganizerDesk(config, messages, storage, digest, new Exporter(config, storage), dataDir)
        .registerAll(commands);
    review.registerAll(commands);
    new Announcements(config, messages, storage, outbox).registerAll(commands);
    for (Channel channel : channels.values()) {
      if (channel instanceof OrganizerCommandSource source) {
        source.organizerCommands().forEach(commands::register);
      }
    }

    this.sender =
        new OutboxSender(
            storage,
            channels,
            new FailureReports(outbox, messages, organizerLang),
            clock,
            8,
            channels.containsKey(ConsoleChannel.NAME) ? Set.of(ConsoleChannel.NAME) : Set.of());
    Engine engine = new Engine(config, messages);
    TurnProcessor processor =
        new TurnProcessor(
            storage,
            new SpeakerTurn(
                storage,
                engine,
                lifecycle,
                new DataRights(config, messages, storage, lifecycle, capabilities, dataDir),
                config.bot().defaultLanguage()),
            commands,
            outbox,
            messages,
            config.bot().defaultLanguage(),
            clock,
            sender::wake);
    this.dispatcher =
        new Dispatcher(processor, Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
    Map<String, UpdateTranslator> translators = new LinkedHashMap<>();
    channels.forEach(
        (name, channel) -> {
          if (channel instanceof UpdateTranslator t) {
            translators.put(name, t);
          }
        });
    this.queue = new InboundQueue(storage, dispatcher, translators);
    List<ScheduledJob> jobs = new ArrayList<>();
    if (config.bot().digestTime() != null) {
      for (EventConfig event : config.events()) {
        jobs.add(new DailyDigest(event, config.bot().digestTime(), digest, outbox));
      }
    }
    jobs.addAll(new CommunityPosts(config, messages, storage, outbox).jobs());
    jobs.addAll(new DraftReminders(config, messages, storage, outbox).jobs());
    jobs.add(new RetentionPurge(config, storage, new UnusedFiles(storage, dataDir)));
    this.scheduler = new Scheduler(storage, jobs, clock, sender::wake);
  }

  /**
   * Starts sending, the schedules and every channel. {@code handlerFor} may wrap the dispatcher for
   * a channel (the console waits for its replies after each line).
   */
  public void start(Function<Channel, InboundHandler> handlerFor) {
    sender.start();
    scheduler.start(Duration.ofSeconds(30));
    queue.start();
    channels.values().forEach(channel -> channel.start(handlerFor.apply(channel)));
  }

  public void start() {
    start(channel -> dispatcher);
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public OutboxSender sender() {
    return sender;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public Outbox outbox() {
    return outbox;
  }

  /** Reviews and decisions, for the review board's pages. */
  public ReviewDesk review() {
    return review;
  }

  /** Organizer commands, for channels that add their own (announcements). */
  public OrganizerCommands commands() {
    return commands;
  }

  @Override
  public void close() {
    channels.values().forEach(Channel::stop);
    scheduler.close();
    queue.close();
    dispatcher.close();
    sender.close();
  }
}
