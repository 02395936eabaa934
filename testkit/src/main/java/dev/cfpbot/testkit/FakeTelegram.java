package dev.cfpbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A Telegram Bot API on loopback for one bot token: {@code getUpdates} long-polls and honours
 * {@code offset}, send methods return real Message objects, files can be fetched, and calls fail on
 * demand (429 with retry_after, 500, slow answers) or by Telegram's rate limits.
 */
public final class FakeTelegram implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final Updates updates = new Updates(json);
  private final String token;
  private final String username;
  private final UpdateLog log = new UpdateLog();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Faults faults = new Faults();
  private final AtomicInteger messageIds = new AtomicInteger(1000);
  private final AtomicInteger callbacks = new AtomicInteger();
  private final BotApi api;
  private final FileServer fileServer;
  private Javalin app;

  public FakeTelegram(String token, String username) {
    this.token = token;
    this.username = username;
    this.api = new BotApi(json, updates, token, username, log, faults, messageIds);
    this.fileServer = new FileServer(token, files);
  }

  /** Starts on {@code port} (0: any free port) and returns this. */
  public FakeTelegram start(int port) {
    app =
        Javalin.create(
            config -> {
              config.jetty.host = "127.0.0.1";
              config.jetty.port = port;
              config.startup.showJavalinBanner = false;
              config.http.maxRequestSize = 60L * 1024 * 1024;
              config.routes.post("/bot{token}/{method}", api::call);
              config.routes.get("/bot{token}/{method}", api::call);
              config.routes.get("/file/bot{token}/<path>", fileServer::download);
            });
    app.start();
    return this;
  }

  /**
   * Numbers the updates from {@code id} on and returns this. Telegram keeps counting across a bot's
   * restarts: a fake standing in for it after a restart must not reuse ids the bot has handled (it
   * would take them for Telegram delivering them again, and ignore them).
   */
  public FakeTelegram updatesFrom(int id) {
    log.numberFrom(id);
    return this;
  }

  /** The value for TELEGRAM_API_URL. */
  public String url() {
    return "http://127.0.0.1:" + app.port();
  }

  // ----- what users do -----

  /** A user types {@code text} in their private chat (user id = chat id). */
  public int sendText(long chatId, String text) {
    return sendText(chatId, chatId, text, "zh-hans");
  }

  public int sendText(long chatId, long userId, String text, String languageCode) {
    return log.add(json, "message", updates.text(newMessage(chatId, userId, languageCode), text));
  }

  /**
   * A text whose {@code text} field is {@code jsonString} exactly as written (quotes and escapes
   * included), e.g. {@code "\"\\ud800\""}: what JSON can carry that a Java string cannot say.
   */
  public int sendTextJson(long chatId, String jsonString) {
    ObjectNode message = newMessage(chatId, chatId, "zh-hans");
    message.putRawValue("text", new com.fasterxml.jackson.databind.util.RawValue(jsonString));
    return log.add(json, "message", message);
  }

  /** The user edits their message {@code messageId} (in their private chat) to {@code text}. */
  public int editText(long chatId, int messageId, String text) {
    return log.add(json, "edited_message", updates.edited(messageId, chatId, text));
  }

  /** The message_id of the user's message in update {@code updateId}. */
  public int messageIdOf(int updateId) {
    return log.messageIdOf(updateId);
  }

  /** A user presses an inline button whose callback data is {@code data}. */
  public int press(long chatId, long userId, String data) {
    return log.add(
        json,
        "callback_query",
        updates.callback("cb" + callbacks.incrementAndGet(), chatId, userId, 1, data));
  }

  public int sendDocument(long chatId, String name, String mime, byte[] content) {
    String fileId = "file-" + callbacks.incrementAndGet();
    files.put(fileId, content);
    return log.add(
        json,
        "message",
        updates.document(
            newMessage(chatId, chatId, "zh-hans"), fileId, name, mime, content.length));
  }

  /**
   * Downloads of documents wait, each at most a minute, until the returned gate is opened: a slow
   * network, for what else the bot does meanwhile.
   */
  public Runnable holdDownloads() {
    return fileServer.hold();
  }

  /** Downloads waiting for the gate of {@link #holdDownloads}. */
  public int downloadsWaiting() {
    return fileServer.waiting();
  }

  /** A document Telegram announces but a bot may not download (over 20 MB). */
  public int sendLargeDocument(long chatId, String name, long size) {
    return log.add(
        json,
        "message",
        updates.document(
            newMessage(chatId, chatId, "zh-hans"), "big-" + size, name, "application/pdf", size));
  }

  public int shareContact(long chatId, String phone) {
    return log.add(
        json, "message", updates.contact(newMessage(chatId, chatId, "zh-hans"), phone, chatId));
  }

  public int sendPhoto(long chatId) {
    return log.add(json, "message", updates.photo(newMessage(chatId, chatId, "zh-hans")));
  }

  /**
   * An update as Telegram would post it to a webhook (not queued for getUpdates).
   *
   * @param updateId the update's id
   */
  public String webhookUpdate(int updateId, long chatId, String text) {
    ObjectNode update = json.createObjectNode().put("update_id", updateId);
    update.set("message", updates.text(newMessage(chatId, chatId, "zh-hans"), text));
    return update.toString();
  }

  /** Delivers update {@code updateId} once more, as Telegram may. */
  public void redeliver(int updateId) {
    log.redeliver(updateId);
  }

  // ----- what the bot did -----

  public List<SentMessage> sent() {
    return api.sent();
  }

  public List<SentMessage> sentTo(String chatId) {
    return sent().stream().filter(m -> m.chatId().equals(chatId)).toList();
  }

  /** The content of a document the bot uploaded, by the id of the message that carried it. */
  public byte[] uploadedDocument(int messageId) {
    return api.uploaded(messageId);
  }

  public List<String> textsTo(long chatId) {
    return sentTo(Long.toString(chatId)).stream().map(SentMessage::text).toList();
  }

  /** The last request body of {@code method} (lower case), e.g. setmycommands or setwebhook. */
  public JsonNode lastCall(String method) {
    return api.lastCall(method);
  }

  /** Calls {@code listener} with every message the bot sends, as it arrives. */
  public void onSent(Consumer<SentMessage> listener) {
    api.onSent(listener);
  }

  public Faults faults() {
    return faults;
  }

  /**
   * Waits, blocked rather than spinning (a benchmark must leave the bot the machine's cores), for
   * the first getUpdates and returns when it arrived ({@link System#nanoTime()}).
   *
   * @throws IllegalStateException if none arrives within {@code timeout}
   */
  public long awaitFirstGetUpdates(Duration timeout) throws InterruptedException {
    return api.awaitFirstGetUpdates(timeout.toNanos());
  }

  public int acknowledgedUpTo() {
    return log.acknowledged();
  }

  private ObjectNode newMessage(long chatId, long userId, String languageCode) {
    return updates.message(messageIds.incrementAndGet(), chatId, userId, languageCode);
  }

  @Override
  public void close() {
    log.close();
    if (app != null) {
      app.stop();
    }
  }
}
