package dev.cfpbot.app;

import dev.cfpbot.channel.Capabilities;
import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.LinksInText;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.conversation.Engine;
import dev.cfpbot.files.UnusedFiles;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.links.CalendarLinks;
import dev.cfpbot.organizer.Announcements;
import dev.cfpbot.organizer.CommunityPosts;
import dev.cfpbot.organizer.DailyDigest;
import dev.cfpbot.organizer.Digest;
import dev.cfpbot.organizer.DraftReminders;
import dev.cfpbot.organizer.Exporter;
import dev.cfpbot.organizer.FailureReports;
import dev.cfpbot.organizer.OrganizerAlerts;
import dev.cfpbot.organizer.OrganizerCommands;
import dev.cfpbot.organizer.OrganizerDesk;
import dev.cfpbot.organizer.RetentionPurge;
import dev.cfpbot.organizer.agenda.AgendaCommands;
import dev.cfpbot.organizer.agenda.AgendaDigest;
import dev.cfpbot.organizer.agenda.ConfirmReminders;
import dev.cfpbot.organizer.agenda.DayNotices;
import dev.cfpbot.organizer.agenda.SlotNotices;
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
import dev.cfpbot.process.UpdateInbox;
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

/**
 * The bot's core wired together over a storage and a set of channels: the turn processor and its
 * dispatcher, the outbox sender, the organizer side and the schedules. Each channel's optional
 * abilities are wired as it declares them. Owns none of the storage's lifecycle.
 */
public final class Bot implements AutoCloseable {
  /** How long a synchronous channel (the console) waits for a message's replies. */
  static final Duration SYNCHRONOUS_WAIT = Duration.ofSeconds(30);

  private final Map<String, Channel> channels;
  private final Outbox outbox;
  private final OutboxSender sender;
  private final Dispatcher dispatcher;
  private final Scheduler scheduler;
  private final InboundQueue queue;
  private final ReviewDesk review;

  public Bot(
      CfpConfig config,
      Messages messages,
      Storage storage,
      Map<String, Channel> channels,
      Clock clock,
      Path dataDir) {
    this(config, messages, storage, channels, clock, dataDir, new UpdateInbox(storage), null, null);
  }

  /**
   * @param inbox where the channels store the updates they must acknowledge first
   * @param reviewLinks personal links to the review board; null without a public URL
   * @param calendarLinks signed links to speakers' calendar files, and the public URL of the agenda
   *     page; null without a public URL
   */
  public Bot(
      CfpConfig config,
      Messages messages,
      Storage storage,
      Map<String, Channel> channels,
      Clock clock,
      Path dataDir,
      UpdateInbox inbox,
      ReviewLinks reviewLinks,
      CalendarLinks calendarLinks) {
    this.channels = Map.copyOf(channels);
    Lang organizerLang = config.bot().organizerLanguage();
    Map<String, Routes> routes = new LinkedHashMap<>();
    channels.forEach((name, channel) -> routes.put(name, channel.routes()));

    Map<String, Capabilities> capabilities = new LinkedHashMap<>();
    channels.forEach((name, channel) -> capabilities.put(name, channel.capabilities()));
    Map<String, LinksInText> links = new LinkedHashMap<>();
    channels.forEach((name, c) -> c.abilities().links().ifPresent(l -> links.put(name, l)));
    this.outbox = new Outbox(storage.outbox(), routes, capabilities, links);
    OrganizerAlerts alerts = new OrganizerAlerts(config, messages, storage, outbox);
    SubmissionLifecycle lifecycle =
        new SubmissionLifecycle(
            storage.submissions(), storage.answers(), new ReviewListener(storage, alerts));
    this.review = new ReviewDesk(config, messages, storage, lifecycle, outbox, routes, reviewLinks);
    Digest digest =
        new Digest(
            config,
            messages,
            storage,
            List.of(review.summary(), new AgendaDigest(config, messages, storage)));
    OrganizerCommands commands = new OrganizerCommands(routes, messages, organizerLang);
    new OrganizerDesk(config, messages, storage, digest, new Exporter(config, storage), dataDir)
        .registerAll(commands);
    review.registerAll(commands);
    new Announcements(config, messages, storage, outbox).registerAll(commands);
    new AgendaCommands(
            config,
            messages,
            storage,
            outbox,
            new SlotNotices(
                config, messages, storage, outbox, capabilities, dataDir, calendarLinks),
            calendarLinks == null ? null : calendarLinks.publicUrl())
        .registerAll(commands);
    for (Channel channel : channels.values()) {
      channel
          .abilities()
          .commands()
          .ifPresent(c -> c.organizerCommands(outbox::send).forEach(commands::register));
    }

    this.sender =
        new OutboxSender(
            storage, channels, new FailureReports(outbox, messages, organizerLang), clock, 8);
    Engine engine = new Engine(config, messages);
    TurnProcessor processor =
        new TurnProcessor(
            storage,
            new SpeakerTurn(
                storage,
                engine,
                lifecycle,
                new DataRights(config, messages, storage, lifecycle::forget, capabilities, dataDir),
                config.bot().defaultLanguage()),
            commands,
            outbox,
            messages,
            config.bot().defaultLanguage(),
            clock,
            sender);
    this.dispatcher =
        new Dispatcher(processor, Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
    Map<String, UpdateTranslator> translators = new LinkedHashMap<>();
    channels.forEach(
        (name, c) -> c.abilities().translator().ifPresent(t -> translators.put(name, t)));
    this.queue = new InboundQueue(storage, inbox, dispatcher, translators);
    inbox.sendsFrom(sender::waiting);
    this.scheduler =
        new Scheduler(
            storage, jobs(config, messages, storage, digest, dataDir), clock, sender::wake);
  }

  /** Everything that runs at a time of its own: digests, posts, reminders, notices, the purge. */
  private List<ScheduledJob> jobs(
      CfpConfig config, Messages messages, Storage storage, Digest digest, Path dataDir) {
    List<ScheduledJob> jobs = new ArrayList<>();
    if (config.bot().digestTime() != null) {
      for (EventConfig event : config.events()) {
        jobs.add(new DailyDigest(event, config.bot().digestTime(), digest, outbox));
      }
    }
    jobs.addAll(new CommunityPosts(config, messages, storage, outbox).jobs());
    jobs.addAll(new DraftReminders(config, messages, storage, outbox).jobs());
    jobs.add(new ConfirmReminders(config, messages, storage, outbox));
    jobs.add(new DayNotices(config, messages, storage, outbox));
    jobs.add(new RetentionPurge(config, storage, new UnusedFiles(storage, dataDir)));
    return jobs;
  }

  /** Starts sending, the schedules and every channel. */
  public void start() {
    sender.start();
    scheduler.start(Duration.ofSeconds(30));
    queue.start();
    channels.values().forEach(channel -> channel.start(handlerFor(channel)));
  }

  /**
   * Takes turns and sends nothing: no sender, no schedules. For the start-up rehearsal's copy of
   * the bot ({@link StartRehearsal}), whose replies stay in its own outbox.
   */
  void startSilently() {
    queue.start();
    channels.values().forEach(channel -> channel.start(handlerFor(channel)));
  }

  /**
   * The dispatcher; for a channel that delivers synchronously (the console), one that also waits
   * for each message's replies to be shown before the next message is read.
   */
  private InboundHandler handlerFor(Channel channel) {
    if (!channel.capabilities().synchronous()) {
      return dispatcher;
    }
    return in -> {
      var result = dispatcher.handle(in);
      sender.drain(channel.name(), SYNCHRONOUS_WAIT);
      return result;
    };
  }

  /**
   * Returns when every channel's input has ended (the console's, at end of file) and their replies
   * are out; only for channels that all {@link #inputCanEnd}.
   */
  public void awaitInputEnd() throws InterruptedException {
    for (Channel channel : channels.values()) {
      channel.abilities().inputEnd().orElseThrow().await();
      if (channel.capabilities().synchronous()) {
        sender.drain(channel.name(), SYNCHRONOUS_WAIT);
      }
    }
  }

  /** Whether every channel's input can end: then the bot stops when they have. */
  public boolean inputCanEnd() {
    return channels.values().stream().allMatch(c -> c.abilities().inputEnd().isPresent());
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

  /** Reviews and decisions, for the review board's pages. */
  public ReviewDesk review() {
    return review;
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
