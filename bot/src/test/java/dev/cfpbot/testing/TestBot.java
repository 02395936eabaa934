package dev.cfpbot.testing;

import dev.cfpbot.app.Bot;
import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.Sender;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.process.UpdateInbox;
import dev.cfpbot.storage.Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The real bot over the test's storage (see {@code StorageExtension}) and a {@link
 * RecordingChannel}, with the shipped config and a clock the test sets.
 */
public final class TestBot implements AutoCloseable {
  public static final Path SHIPPED_CONFIG = Path.of("../config/cfp-bot.yaml");

  /** {@link #shippedConfigWithoutDigest}, once made. */
  private static Path withoutDigest;

  /** Noon in Shanghai, well before the seed's deadline and past the day's digest time. */
  public static final Instant BEFORE_DEADLINE = Instant.parse("2027-10-20T04:00:00Z");

  /**
   * The shipped configuration without its daily digest, for bots on the system's clock. The digest
   * is due at 09:00 in the event's time zone, and a bot started within the scheduler's hour of
   * grace after it sends it at once, among the organizer messages a test counts: four Telegram test
   * classes and a WeChat end-to-end test failed when CI ran at 01:24 and 01:36 UTC (09:24, 09:36 in
   * Shanghai). The digest's own tests run on a clock they set.
   */
  public static synchronized Path shippedConfigWithoutDigest() {
    if (withoutDigest == null) {
      try {
        String shipped = Files.readString(SHIPPED_CONFIG, StandardCharsets.UTF_8);
        String noDigest = shipped.replaceFirst("(?m)^\\s*digest_time:.*$", "");
        if (noDigest.equals(shipped)) {
          throw new IllegalStateException("the shipped configuration has no digest_time line");
        }
        Path copy = Files.createTempFile("cfpbot-no-digest", ".yaml");
        copy.toFile().deleteOnExit();
        withoutDigest = Files.writeString(copy, noDigest, StandardCharsets.UTF_8).toAbsolutePath();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return withoutDigest;
  }

  public final CfpConfig config;
  public final Messages messages;
  public final Storage storage;
  public final RecordingChannel channel = new RecordingChannel();
  public final MutableClock clock = new MutableClock(BEFORE_DEADLINE);
  public final Path dataDir;
  public final Bot bot;

  public TestBot(Storage storage, Path dataDir) {
    this(ConfigLoader.load(SHIPPED_CONFIG), storage, dataDir);
  }

  public TestBot(CfpConfig config, Storage storage, Path dataDir) {
    this.config = config;
    this.storage = storage;
    this.messages = Messages.defaults().with(config.messages());
    this.dataDir = dataDir;
    this.bot =
        new Bot(config, messages, storage, Map.of(RecordingChannel.NAME, channel), clock, dataDir);
    bot.start();
  }

  /**
   * A started bot with the shipped configuration and {@code channel} alone, whose stored updates go
   * through {@code inbox}: for tests that need a channel or a clock of their own.
   */
  public static Bot start(
      Storage storage, Channel channel, Clock clock, Path dataDir, UpdateInbox inbox) {
    CfpConfig config = ConfigLoader.load(SHIPPED_CONFIG);
    Bot bot =
        new Bot(
            config,
            Messages.defaults().with(config.messages()),
            storage,
            Map.of(channel.name(), channel),
            clock,
            dataDir,
            inbox,
            null,
            null);
    bot.start();
    return bot;
  }

  /** A private-chat text from {@code chat}, handled before this returns. */
  public HandleResult say(String chat, String text) {
    return send(inbound(chat, new Content.Text(text), true, false));
  }

  public HandleResult send(Inbound in) {
    return channel.handler().handle(in);
  }

  public Inbound inbound(String chat, Content content, boolean privateChat, boolean inline) {
    return new Inbound(
        RecordingChannel.NAME,
        chat,
        UUID.randomUUID().toString(),
        new Sender(chat, "Speaker " + chat, "zh-hans"),
        privateChat,
        content,
        clock.instant(),
        inline);
  }

  /** The seed form's answers, in order, then skip the slides and confirm. */
  public void submitSeedTalk(String chat, String title) {
    for (String line :
        new String[] {
          "/start",
          "张三",
          "我是一名运维工程师，负责公司的容器平台。",
          "zhangsan_docker",
          "138 0013 8000",
          title,
          "介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。",
          "/skip",
          "确认"
        }) {
      say(chat, line);
    }
  }

  /**
   * The seed talk with slides: a PDF holding {@code content}, stored as the file store stores what
   * a channel receives (the same content, the same file), sent at the slides question. Returns it.
   */
  public FileRef submitSeedTalkWithSlides(String chat, String title, String content)
      throws IOException {
    FileRef file =
        new FileStore(dataDir)
            .store(
                new ByteArrayInputStream(
                    ("%PDF-1.4\n% " + content + "\n").getBytes(StandardCharsets.US_ASCII)),
                "slides.pdf",
                List.of("pdf"),
                1_000_000,
                null)
            .file();
    List.of(
            "/start",
            "张三",
            "运维工程师。",
            "zhangsan_docker",
            "138 0013 8000",
            title,
            "介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。")
        .forEach(line -> say(chat, line));
    Content slides =
        new Content.Attachment("slides.pdf", "application/pdf", file.size(), null, file, null);
    send(inbound(chat, slides, true, false));
    say(chat, "确认");
    return file;
  }

  /** Moves the clock past {@code bot.decision_delay}: decisions taken so far reach speakers. */
  public void afterDecisionDelay() {
    clock.set(clock.instant().plus(config.bot().decisionWait()));
  }

  /**
   * Waits until every message due by the test's clock has been delivered (a decision waiting out
   * its delay is not due yet).
   */
  public void awaitDelivered() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                storage
                        .database()
                        .inTransaction(
                            "count due",
                            tx ->
                                storage
                                    .outbox()
                                    .countDue(tx, RecordingChannel.NAME, clock.instant()))
                    == 0);
  }

  /** Stops the bot; the storage is the test's, closed after it. */
  @Override
  public void close() {
    bot.close();
  }

  /** A clock that stands still until the test moves it. */
  public static final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
      this.now = start;
    }

    public void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
