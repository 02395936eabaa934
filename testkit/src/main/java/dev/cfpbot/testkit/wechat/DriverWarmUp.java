package dev.cfpbot.testkit.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * WeChat's side, warmed up before anything is measured. The simulator is a JVM on the bot's two
 * cores: its own first requests (the JDK's HTTP client, signing, AES, reading replies, all
 * interpreted at first, and the compiler busy with them) ran beside the bot's, so a first crowd
 * measured the driver's start as much as the bot's — 200 followers against a bot that had already
 * answered 4,000 messages, from a new simulator: p99 524 ms, against about 200 ms with a warm one
 * (2026-12-01). WeChat's servers do not start with the bot, nor share its cores; so before its
 * first crowd the simulator plays one against an echo of the callback in its own JVM, which answers
 * each message with a passive reply (sealed in safe mode) as the bot does. The bot sees none of it.
 */
final class DriverWarmUp {
  /** Followers of the echo: enough for the compiler to have the client's path (measured: 200). */
  static final int FOLLOWERS = 200;

  private static final String REPLY =
      CallbackXml.message("o-echo", 0, "text", "<Content><![CDATA[投稿成功]]></Content>");

  private DriverWarmUp() {}

  /**
   * Plays {@code followers} through {@code wechat}'s client against an echo; returns the passive
   * replies they read.
   */
  static int run(WechatClient wechat, int followers) throws Exception {
    HttpServer echo =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    echo.setExecutor(threads);
    echo.createContext("/wechat", exchange -> answer(exchange, wechat));
    echo.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + echo.getAddress().getPort() + "/wechat");
      List<Follower.Run> runs =
          new Crowd(wechat.to(url), null, null).run("o-echo", "echo", followers, 0);
      return runs.stream().mapToInt(r -> r.steps().size()).sum();
    } finally {
      echo.stop(0);
      threads.shutdown();
    }
  }

  private static void answer(HttpExchange exchange, WechatClient wechat) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    byte[] body = wechat.sealed(REPLY).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
