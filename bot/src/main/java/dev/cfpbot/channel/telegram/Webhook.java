package dev.cfpbot.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cfpbot.channel.HttpRoutes;
import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.UpdateStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode: Telegram posts each update to the bot's HTTP server. The secret header is checked,
 * the update stored, and 200 returned at once; the turn follows on the chat's lane.
 */
final class Webhook implements HttpRoutes {
  private static final Logger log = LoggerFactory.getLogger(Webhook.class);
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private final TelegramSettings settings;
  private final Clock clock;
  private volatile UpdateStore store;

  Webhook(TelegramSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  void start(UpdateStore store) {
    this.store = store;
  }

  /** The path Telegram posts to: the path of TELEGRAM_WEBHOOK_URL. */
  String path() {
    String path = URI.create(settings.webhookUrl()).getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(path(), this::receive);
  }

  private void receive(Context ctx) {
    String given = ctx.header(SECRET_HEADER);
    if (given == null
        || !MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8),
            settings.webhookSecret().getBytes(StandardCharsets.UTF_8))) {
      log.warn("telegram webhook: a request without the right secret from {}", ctx.ip());
      ctx.status(401).result("unauthorized");
      return;
    }
    Update update;
    try {
      update = UpdateReader.JSON.readValue(ctx.body(), Update.class);
    } catch (JsonProcessingException e) {
      ctx.status(400).result("not an update");
      return;
    }
    UpdateStore s = store;
    if (s == null) {
      ctx.status(503).result("starting");
      return;
    }
    Optional<RawUpdate> raw = UpdateReader.raw(update, clock.instant());
    raw.ifPresent(r -> s.store(TelegramChannel.NAME, List.of(r)));
    ctx.status(200).result("ok");
  }
}
