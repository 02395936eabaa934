package dev.cfpbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
  private final List<SentMessage> sent = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<Integer, byte[]> uploaded = new ConcurrentHashMap<>();
  private final Faults faults = new Faults();
  private final AtomicInteger messageIds = new AtomicInteger(1000);
  private final AtomicInteger callbacks = new AtomicInteger();
  private final AtomicLong firstGetUpdates = new AtomicLong();
  private final Map<String, JsonNode> calls = new ConcurrentHashMap<>();
  private final List<Consumer<SentMessage>> listeners = new CopyOnWriteArrayList<>();
  private Javalin app;

  public FakeTelegram(String token, String username) {
    this.token = token;
    this.username = username;
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
              config.routes.post("/bot{token}/{method}", this::call);
              config.routes.get("/bot{token}/{method}", this::call);
              config.routes.get("/file/bot{token}/<path>", this::download);
            });
    app.start();
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
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  public List<SentMessage> sentTo(String chatId) {
    return sent().stream().filter(m -> m.chatId().equals(chatId)).toList();
  }

  /** The content of a document the bot uploaded, by the id of the message that carried it. */
  public byte[] uploadedDocument(int messageId) {
    return uploaded.get(messageId);
  }

  public List<String> textsTo(long chatId) {
    return sentTo(Long.toString(chatId)).stream().map(SentMessage::text).toList();
  }

  /** The last request body of {@code method} (lower case), e.g. setmycommands or setwebhook. */
  public JsonNode lastCall(String method) {
    return calls.get(method);
  }

  /** Calls {@code listener} with every message the bot sends, as it arrives. */
  public void onSent(Consumer<SentMessage> listener) {
    listeners.add(listener);
  }

  public Faults faults() {
    return faults;
  }

  /** When the first getUpdates arrived (epoch millis), 0 before that. */
  public long firstGetUpdatesAt() {
    return firstGetUpdates.get();
  }

  public int acknowledgedUpTo() {
    return log.acknowledged();
  }

  // ----- the API -----

  private void call(Context ctx) throws IOException {
    if (!token.equals(ctx.pathParam("token"))) {
      reply(ctx, 401, error(401, "Unauthorized", null));
      return;
    }
    String method = ctx.pathParam("method").toLowerCase(Locale.ROOT);
    ObjectNode params = params(ctx);
    calls.put(method, params);
    if (method.equals("getupdates")) {
      firstGetUpdates.compareAndSet(0, System.currentTimeMillis());
      int timeout = params.path("timeout").asInt(0);
      log.allow(allowedUpdates(params.get("allowed_updates")));
      reply(
          ctx,
          200,
          ok(
              log.poll(
                  params.path("offset").asInt(0),
                  params.path("limit").asInt(100),
                  Math.min(timeout, 50))));
      return;
    }
    String chat = params.path("chat_id").asText("");
    Faults.Fault fault = faults.next(method, chat);
    if (fault != null) {
      fault.apply(ctx, json);
      return;
    }
    JsonNode result =
        switch (method) {
          case "getme" ->
              json.createObjectNode()
                  .put("id", 1)
                  .put("is_bot", true)
                  .put("first_name", "CFP")
                  .put("username", username);
          case "sendmessage", "senddocument" -> send(method, params, ctx);
          case "getfile" ->
              json.createObjectNode()
                  .put("file_id", params.path("file_id").asText())
                  .put("file_unique_id", "u")
                  .put("file_path", "documents/" + params.path("file_id").asText());
          default -> json.getNodeFactory().booleanNode(true);
        };
    reply(ctx, 200, ok(result));
  }

  private JsonNode send(String method, ObjectNode params, Context ctx) {
    String chat = params.path("chat_id").asText();
    int id = messageIds.incrementAndGet();
    String text =
        params.has("text") ? params.get("text").asText() : params.path("caption").asText(null);
    String document = null;
    if (method.equals("senddocument")) {
      // An upload arrives as its own part ("attach://<name>" in the document field).
      UploadedFile upload =
          ctx.isMultipart() && !ctx.uploadedFiles().isEmpty() ? ctx.uploadedFiles().get(0) : null;
      document = upload != null ? upload.filename() : params.path("document").asText();
      if (upload != null) {
        try (var content = upload.content()) {
          uploaded.put(id, content.readAllBytes());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    JsonNode markup = params.get("reply_markup");
    if (markup != null && markup.isTextual()) {
      markup = parse(markup.asText());
    }
    SentMessage record =
        new SentMessage(
            method,
            chat,
            id,
            text,
            params.path("parse_mode").asText(null),
            markup,
            document,
            Instant.now());
    sent.add(record);
    listeners.forEach(l -> l.accept(record));
    ObjectNode message = json.createObjectNode();
    message.put("message_id", id).put("date", Instant.now().getEpochSecond());
    message.set("chat", updates.chat(Long.parseLong(chat.startsWith("@") ? "-1001" : chat)));
    if (text != null) {
      message.put(method.equals("senddocument") ? "caption" : "text", text);
    }
    return message;
  }

  private void download(Context ctx) {
    String path = ctx.pathParam("path");
    String fileId = path.substring(path.lastIndexOf('/') + 1);
    byte[] content = token.equals(ctx.pathParam("token")) ? files.get(fileId) : null;
    if (content == null) {
      ctx.status(404).result("Not Found");
    } else {
      ctx.contentType("application/octet-stream").result(content);
    }
  }

  private ObjectNode params(Context ctx) throws IOException {
    if (ctx.isMultipart()
        || ctx.contentType() != null && ctx.contentType().startsWith("application/x-www-form")) {
      ObjectNode node = json.createObjectNode();
      ctx.formParamMap()
          .forEach(
              (k, v) -> {
                if (!v.isEmpty()) {
                  node.put(k, v.get(0));
                }
              });
      return node;
    }
    String body = ctx.body();
    ObjectNode node = body.isBlank() ? json.createObjectNode() : (ObjectNode) json.readTree(body);
    ctx.queryParamMap().forEach((k, v) -> node.put(k, v.get(0)));
    return node;
  }

  /**
   * The update kinds a getUpdates asks for; null when it does not say (Telegram keeps the last).
   */
  private List<String> allowedUpdates(JsonNode given) {
    JsonNode list = given != null && given.isTextual() ? parse(given.asText()) : given;
    if (list == null || !list.isArray()) {
      return null;
    }
    List<String> kinds = new ArrayList<>();
    list.forEach(k -> kinds.add(k.asText()));
    return kinds;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      return json.getNodeFactory().textNode(text);
    }
  }

  private ObjectNode newMessage(long chatId, long userId, String languageCode) {
    return updates.message(messageIds.incrementAndGet(), chatId, userId, languageCode);
  }

  private ObjectNode ok(JsonNode result) {
    ObjectNode body = json.createObjectNode().put("ok", true);
    body.set("result", result);
    return body;
  }

  ObjectNode error(int code, String description, Integer retryAfter) {
    ObjectNode body =
        json.createObjectNode()
            .put("ok", false)
            .put("error_code", code)
            .put("description", description);
    if (retryAfter != null) {
      body.putObject("parameters").put("retry_after", retryAfter);
    }
    return body;
  }

  private void reply(Context ctx, int status, JsonNode body) {
    ctx.status(status).contentType("application/json").result(body.toString());
  }

  @Override
  public void close() {
    log.close();
    if (app != null) {
      app.stop();
    }
  }
}
