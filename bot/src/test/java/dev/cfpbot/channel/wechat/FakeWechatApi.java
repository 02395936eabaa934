package dev.cfpbot.channel.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WeChat API on loopback, at WeChat's paths and with its JSON (errcode, errmsg): the access
 * token, customer-service, template and mass messages, the menu. It records every call and answers
 * with an error when told to: 40001 (the token expired: it is renewed), 45015 (the 48-hour window
 * is closed), -1 (busy).
 */
public final class FakeWechatApi implements AutoCloseable {
  public static final String APP_ID = "wx-test-app";
  public static final String SECRET = "test-secret";
  static final String CUSTOM = "/cgi-bin/message/custom/send";
  static final String TEMPLATE = "/cgi-bin/message/template/send";
  static final String PREVIEW = "/cgi-bin/message/mass/preview";
  static final String SENDALL = "/cgi-bin/message/mass/sendall";
  static final String MENU = "/cgi-bin/menu/create";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One API call: its path and JSON body. */
  record Call(String path, JsonNode body) {
    String to() {
      return body.path("touser").asText();
    }

    String text() {
      return body.path("text").path("content").asText();
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private volatile String token;
  private boolean closed;

  public FakeWechatApi() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/cgi-bin/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A scripted refusal: the next call to {@code path} (for {@code touser}, if not null). */
  private record Failure(String path, String touser, int errcode) {}

  /** The next call to {@code path} fails with {@code errcode} (once per call to this method). */
  void failNext(String path, int errcode) {
    failNext(path, null, errcode);
  }

  /** The next call to {@code path} for {@code touser} fails with {@code errcode}. */
  synchronized void failNext(String path, String touser, int errcode) {
    failures.add(new Failure(path, touser, errcode));
  }

  synchronized List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  /** The customer-service texts delivered to {@code openid}, in order. */
  public synchronized List<String> texts(String openid) {
    return calls(CUSTOM).stream().filter(c -> c.to().equals(openid)).map(Call::text).toList();
  }

  int tokensIssued() {
    return tokens.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      Map<String, String> query = query(uri.getRawQuery());
      String path = uri.getPath();
      if (path.equals("/cgi-bin/token")) {
        boolean known = APP_ID.equals(query.get("appid")) && SECRET.equals(query.get("secret"));
        if (!known) {
          respond(exchange, "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}");
          return;
        }
        token = "token-" + tokens.incrementAndGet();
        respond(exchange, "{\"access_token\":\"" + token + "\",\"expires_in\":7200}");
        return;
      }
      if (token == null || !token.equals(query.get("access_token"))) {
        respond(exchange, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
        return;
      }
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      Integer error = nextError(path, body.path("touser").asText());
      if (error != null) {
        if (error == 40001) {
          token = "expired";
        }
        respond(exchange, "{\"errcode\":" + error + ",\"errmsg\":\"scripted error\"}");
        return;
      }
      synchronized (this) {
        calls.add(new Call(path, body));
      }
      respond(
          exchange,
          switch (path) {
            case TEMPLATE -> "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}";
            case PREVIEW -> "{\"errcode\":0,\"errmsg\":\"preview success\",\"msg_id\":34182}";
            case SENDALL ->
                "{\"errcode\":0,\"errmsg\":\"send job submission success\",\"msg_id\":34182,"
                    + "\"msg_data_id\":206227730}";
            default -> "{\"errcode\":0,\"errmsg\":\"ok\"}";
          });
    }
  }

  private synchronized Integer nextError(String path, String touser) {
    for (Failure f : failures) {
      if (f.path().equals(path) && (f.touser() == null || f.touser().equals(touser))) {
        failures.remove(f);
        return f.errcode();
      }
    }
    return null;
  }

  private static void respond(HttpExchange exchange, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return params;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
