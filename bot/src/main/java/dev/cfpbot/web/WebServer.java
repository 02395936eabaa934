package dev.cfpbot.web;

import dev.cfpbot.channel.HttpRoutes;
import dev.cfpbot.config.HttpSettings;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot's HTTP server on Jetty (through Javalin), with {@code GET /health}. */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  /** Webhook and callback bodies are small; anything larger is refused before it is read. */
  public static final long MAX_BODY = 1024 * 1024;

  /**
   * The most parts a multipart form may have (Jetty counts them against the context's form keys and
   * stops parsing beyond). The upload page's form has one; no other route reads forms.
   */
  public static final int MAX_FORM_PARTS = 4;

  /** Request threads at most: enough to keep two cores busy while some wait on uploads. */
  static final int MAX_THREADS = 32;

  /**
   * Connections the operating system holds for Jetty to accept. Jetty's default (0) leaves Java's
   * 50, and a crowd's callbacks come on new connections all at once: 200 WeChat followers in the
   * same second overflowed it (the kernel counted the drops, TcpExtListenOverflows), and each
   * dropped connection waited for TCP to try again a second later — the slowest 20 of the first 200
   * replies at 1.1–1.5 s, against 0.2 s for the rest. Linux caps it at net.core.somaxconn (4,096 on
   * current kernels).
   */
  static final int ACCEPT_QUEUE = 1024;

  /** Jetty's per-connection cache of header fields: none (see {@link #lean}). */
  static final int HEADER_CACHE_SIZE = 0;

  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts listening on the settings' host and port (0: any free port).
   *
   * @param health the body and status of {@code GET /health}
   */
  public static WebServer start(
      HttpSettings settings, List<HttpRoutes> routes, Supplier<HealthReport> health) {
    Javalin app =
        Javalin.create(
            config -> {
              config.jetty.addConnector((server, http) -> connector(server, http, settings));
              config.jetty.threadPool = threadPool();
              config.jetty.modifyHttpConfiguration(WebServer::lean);
              config.http.maxRequestSize = MAX_BODY;
              config.jetty.modifyServletContextHandler(h -> h.setMaxFormKeys(MAX_FORM_PARTS));
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.routes.get(
                  "/health",
                  ctx -> {
                    HealthReport report = health.get();
                    ctx.status(report.healthy() ? 200 : 503).json(report);
                  });
              routes.forEach(r -> r.register(config.routes));
              config.routes.exception(Exception.class, WebServer::failed);
            });
    app.start();
    log.info("HTTP server listening on {}:{}", settings.host(), app.port());
    return new WebServer(app);
  }

  /** The one connector, on the settings' host and port, with room for a crowd's connections. */
  private static ServerConnector connector(
      Server server, HttpConfiguration http, HttpSettings settings) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    return connector;
  }

  /**
   * At most {@link #MAX_THREADS} threads serve requests; more wait in Jetty's queue. Jetty's
   * default (up to 250 threads) gave each of 200 WeChat followers waiting at once its own thread,
   * stack and buffers (~40 MB more peak RSS, measured, for requests that all wait on the one thread
   * that takes turns). A thread is named, and its stack size is the JVM's default (-Xss).
   */
  private static QueuedThreadPool threadPool() {
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
    pool.setName("JettyServerThreadPool");
    return pool;
  }

  /**
   * No per-connection cache of header fields. Jetty's (1,024 entries by default) is a 96 KB table
   * made for each connection on its second request and kept while the connection stays open: WeChat
   * keeps one open per callback in flight, and 200 followers at once left 200 of them, 19 MB of
   * live heap that the serial collector grew the heap for (measured: peak RSS 194-200 MB, against
   * 146 MB on Telegram). Without it, a request's few headers are read into new strings each time,
   * which costs nothing measurable.
   */
  static void lean(HttpConfiguration http) {
    http.setHeaderCacheSize(HEADER_CACHE_SIZE);
  }

  /**
   * A route threw. Logged with the route's shape, not its path: paths carry signed tokens (upload
   * and download links), which are as good as a password while they last.
   */
  private static void failed(Exception e, Context ctx) {
    if (e instanceof HttpResponseException response) {
      ctx.status(response.getStatus()).result(String.valueOf(response.getMessage()));
      return;
    }
    String route = ctx.path();
    for (Map.Entry<String, String> param : ctx.pathParamMap().entrySet()) {
      route = route.replace(param.getValue(), "{" + param.getKey() + "}");
    }
    log.error("HTTP {} {} failed", ctx.method(), route, e);
    ctx.status(500).contentType("text/plain; charset=utf-8").result("500");
  }

  public int port() {
    return app.port();
  }

  /** The HTTP settings of the server's connector, as Jetty serves with them. */
  HttpConfiguration httpConfiguration() {
    return connector().getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
  }

  /** The server's one connector. */
  ServerConnector connector() {
    return (ServerConnector) app.jettyServer().server().getConnectors()[0];
  }

  @Override
  public void close() {
    app.stop();
  }
}
