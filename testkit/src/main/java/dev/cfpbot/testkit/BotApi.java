package dev.cfpbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The Bot API side of {@link FakeTelegram}: the HTTP calls the bot makes (getUpdates, the send
 * methods, getFile), answered as Telegram answers them, faults included, and a record of what the
 * bot sent.
 */
final class BotApi {
  private final ObjectMapper json;
  private final Updates updates;
  private final String token;
  private final String username;
  private final UpdateLog log;
  private final Faults faults;
  private final AtomicInteger messageIds;
  private final List<SentMessage> sent = Collections.synchronizedList(new ArrayList<>());
  private final Map<Integer, byte[]> uploaded = new ConcurrentHashMap<>();

  /** When the first getUpdates arrived ({@link System#nanoTime()}); MIN_VALUE before. */
  private final AtomicLong firstGetUpdates = new AtomicLong(Long.MIN_VALUE);

  private final CountDownLatch firstGetUpdatesSeen = new CountDownLatch(1);
  private final Map<String, JsonNode> calls = new ConcurrentHashMap<>();
  private final List<Consumer<SentMessage>> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param messageIds message ids, shared with the users' messages
   */
  BotApi(
      ObjectMapper json,
      Updates updates,
      String token,
      String username,
      UpdateLog log,
      Faults faults,
      AtomicInteger messageIds) {
    this.json = json;
    this.updates = updates;
    this.token = token;
    this.username = username;
    this.log = log;
    this.faults = faults;
    this.messageIds = messageIds;
  }

  List<SentMessage> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  byte[] uploaded(int messageId) {
    return uploaded.get(messageId);
  }

  JsonNode lastCall(String method) {
    return calls.get(method);
  }

  void onSent(Consumer<SentMessage> listener) {
    listeners.add(listener);
  }

  long awaitFirstGetUpdates(long timeoutNanos) throws InterruptedException {
    if (!firstGetUpdatesSeen.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException("no getUpdates within " + timeoutNanos / 1_000_000 + " ms");
    }
    return firstGetUpdates.get();
  }

  void call(Context ctx) throws IOException {
    if (!token.equals(ctx.pathParam("token"))) {
      reply(ctx, 401, error(401, "Unauthorized", null));
      return;
    }
    String method = ctx.pathParam("method").toLowerCase(Locale.ROOT);
    ObjectNode params = params(ctx);
    calls.put(method, params);
    if (method.equals("getupdates")) {
      if (firstGetUpdates.compareAndSet(Long.MIN_VALUE, System.nanoTime())) {
        firstGetUpdatesSeen.countDown();
      }
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
}
