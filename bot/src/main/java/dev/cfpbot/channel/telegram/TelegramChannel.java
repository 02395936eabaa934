package dev.cfpbot.channel.telegram;

import dev.cfpbot.channel.Abilities;
import dev.cfpbot.channel.Capabilities;
import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelStatus;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.Outbound;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.channel.SendResult;
import dev.cfpbot.channel.UpdateStore;
import dev.cfpbot.concurrent.Threads;
import dev.cfpbot.config.ConfigException;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.links.UploadLinks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram, through the Bot API: long polling or a webhook in, the outbox out. Every update is
 * stored before Telegram is told it arrived, and handled afterwards on its chat's lane (see {@link
 * UpdateStore}); the handler {@link #start} is given is therefore not used.
 */
public final class TelegramChannel implements Channel, ChannelStatus {
  private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);
  public static final String NAME = "telegram";

  private final TelegramSettings settings;
  private final TelegramClient client;
  private final String username;
  private final TelegramSender sender;
  private final UpdateReader reader;
  private final Polling polling;
  private final Webhook webhook;
  private final OkHttpClient http;
  private final UpdateStore updates;

  private TelegramChannel(
      TelegramSettings settings,
      OkHttpClient http,
      TelegramClient client,
      String username,
      TelegramSender sender,
      UpdateReader reader,
      UpdateStore updates,
      TelegramLimits limits,
      Clock clock) {
    this.settings = settings;
    this.updates = updates;
    this.http = http;
    this.client = client;
    this.username = username;
    this.sender = sender;
    this.reader = reader;
    TelegramUrl url = url(settings.apiUrl());
    OkHttpClient pollHttp =
        http.newBuilder().readTimeout(Duration.ofSeconds(Polling.POLL_TIMEOUT + 25)).build();
    this.polling =
        settings.webhookUrl() == null
            ? new Polling(
                settings, pollHttp, url, clock, () -> limits.horizon(updates.sendsWaiting(NAME)))
            : null;
    this.webhook = settings.webhookUrl() == null ? null : new Webhook(settings, clock);
  }

  /**
   * The HTTP client of Telegram's calls. Sends give up within half a minute (and are retried); a
   * getUpdates waits up to its own long-poll timeout. One connection pool serves both, and keeps a
   * connection for each of the outbox's senders and the poll (OkHttp keeps 5): each new one is a
   * TLS handshake.
   */
  static OkHttpClient http() {
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(10, 5, TimeUnit.MINUTES))
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(60))
        .build();
  }

  /**
   * Connects: checks the token with getMe (a wrong token stops start-up with a clear message) and
   * learns the bot's username for links.
   *
   * @param allowedTypes the file types speakers may send (from the form)
   * @param maxFileBytes the largest file the form accepts
   * @param updates where updates are stored before Telegram is acknowledged
   */
  static TelegramChannel connect(
      TelegramSettings settings,
      FileStore files,
      UploadLinks uploads,
      List<String> allowedTypes,
      long maxFileBytes,
      UpdateStore updates,
      Clock clock) {
    OkHttpClient http = http();
    TelegramUrl api = url(settings.apiUrl());
    TelegramClient client = new OkHttpTelegramClient(http, settings.token(), api);
    String username;
    try {
      username = client.execute(new GetMe()).getUserName();
    } catch (TelegramApiRequestException e) {
      throw new ConfigException(
          TelegramSettings.TOKEN
              + ": Telegram refused the token ("
              + e.getErrorCode()
              + " "
              + e.getApiResponse()
              + "); check it with BotFather");
    } catch (TelegramApiException e) {
      throw new ConfigException(
          "cannot reach the Telegram Bot API at "
              + settings.apiUrl()
              + ": "
              + Redact.token(String.valueOf(e.getMessage()), settings.token()));
    }
    TelegramLimits limits = new TelegramLimits(settings.rateLimits());
    TelegramSender sender =
        new TelegramSender(
            settings,
            client,
            new SendMessageCall(http, api, settings.token()),
            limits,
            files,
            uploads,
            username);
    FileFetcher fetcher =
        new FileFetcher(settings, client, http, files, allowedTypes, maxFileBytes);
    log.info("telegram: connected as @{} through {}", username, settings.apiUrl());
    UpdateReader reader = new UpdateReader(client, fetcher, username, clock);
    return new TelegramChannel(
        settings, http, client, username, sender, reader, updates, limits, clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(true, true, 4096, Capabilities.LengthUnit.CHARS);
  }

  /**
   * Updates are translated when their turn comes; in webhook mode Telegram posts them to the bot's
   * HTTP server.
   */
  @Override
  public Abilities abilities() {
    Abilities abilities = Abilities.NONE.withTranslator(reader).withStatus(this);
    return webhook == null ? abilities : abilities.withHttp(webhook);
  }

  @Override
  public Routes routes() {
    List<String> organizerChats =
        settings.organizerChat() == null ? List.of() : List.of(settings.organizerChat());
    return new Routes(
        organizerChats,
        settings.organizers(),
        false,
        settings.channel(),
        "https://t.me/" + username,
        true);
  }

  /** The bot's @username, without the @. */
  public String username() {
    return username;
  }

  @Override
  public void start(InboundHandler handler) {
    try {
      if (webhook != null) {
        webhook.start(updates);
        client.execute(
            SetWebhook.builder()
                .url(settings.webhookUrl())
                .secretToken(settings.webhookSecret())
                .allowedUpdates(Polling.UPDATES)
                .build());
        log.info("telegram: webhook registered at {}", settings.webhookUrl());
      } else {
        polling.start(updates);
        log.info("telegram: long polling started");
      }
      // The menu is two calls Telegram may be slow to answer, and a speaker needs none of it to
      // be answered: set once receiving has started, on a thread of its own.
      Threads.named("cfpbot-telegram-menu").newThread(() -> Menu.install(client)).start();
    } catch (TelegramApiException e) {
      throw new IllegalStateException(
          "telegram: could not start receiving: " + Redact.token(e.getMessage(), settings.token()),
          e);
    }
  }

  @Override
  public SendResult send(Outbound message) {
    return sender.send(message);
  }

  @Override
  public String status() {
    if (webhook != null) {
      return "webhook";
    }
    String problem = polling.problem();
    return problem == null ? "polling" : "polling, updates not stored: " + problem;
  }

  @Override
  public boolean healthy() {
    return webhook != null || polling.problem() == null;
  }

  @Override
  public void stop() {
    if (polling != null) {
      polling.stop();
    }
    if (webhook != null && !settings.keepWebhook()) {
      try {
        client.execute(new DeleteWebhook());
      } catch (TelegramApiException e) {
        log.warn("telegram: the webhook could not be removed: {}", e.getClass().getSimpleName());
      }
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  static TelegramUrl url(String apiUrl) {
    URI uri = URI.create(apiUrl);
    int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
  }
}
