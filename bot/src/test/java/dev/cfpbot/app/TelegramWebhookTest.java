package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook mode: Telegram posts updates to the bot's own HTTP server. */
class TelegramWebhookTest {
  static final long CAROL = 3003;
  static final String SECRET = "s3cret-for-the-hook";

  @TempDir Path dataDir;
  TelegramHarness h;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    h =
        new TelegramHarness(
                dataDir,
                Clock.systemUTC(),
                Map.of(
                    "TELEGRAM_WEBHOOK_URL", "https://cfp.example.org/telegram/hook",
                    "TELEGRAM_WEBHOOK_SECRET", SECRET,
                    "CFPBOT_HTTP_PORT", "0"))
            .start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private HttpResponse<String> post(String secret, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + h.app.httpPort() + "/telegram/hook"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void start_registersTheWebhookWithItsSecret() {
    assertThat(h.telegram.lastCall("setwebhook").path("url").asText())
        .isEqualTo("https://cfp.example.org/telegram/hook");
    assertThat(h.telegram.lastCall("setwebhook").path("secret_token").asText()).isEqualTo(SECRET);
  }

  @Test
  void start_asksForEditedMessagesToo() {
    var allowed = h.telegram.lastCall("setwebhook").path("allowed_updates");
    assertThat(allowed.isTextual() ? allowed.asText() : allowed.toString())
        .isEqualTo("[\"message\",\"edited_message\",\"callback_query\"]");
  }

  @Test
  void update_withTheSecret_isStoredAnsweredAndReplied() throws Exception {
    HttpResponse<String> response = post(SECRET, h.telegram.webhookUpdate(1, CAROL, "/start"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(h.awaitTexts(CAROL, 1).get(0)).endsWith("\n\n(1/7) 请问怎么称呼你？（姓名）");
  }

  @Test
  void update_withoutOrWithAWrongSecret_isRefusedWith401() throws Exception {
    assertThat(post(null, h.telegram.webhookUpdate(2, CAROL, "/start")).statusCode())
        .isEqualTo(401);
    assertThat(post("guess", h.telegram.webhookUpdate(3, CAROL, "/start")).statusCode())
        .isEqualTo(401);
    assertThat(post(SECRET, "{not json").statusCode()).isEqualTo(400);

    assertThat(post(SECRET, h.telegram.webhookUpdate(4, CAROL, "/help")).statusCode())
        .isEqualTo(200);
    assertThat(h.awaitTexts(CAROL, 1)).hasSize(1);
    assertThat(h.telegram.textsTo(CAROL).get(0)).startsWith("可以随时发送这些指令：");
  }

  @Test
  void sameUpdatePostedTwice_isHandledOnce() throws Exception {
    String update = h.telegram.webhookUpdate(5, CAROL, "/help");

    post(SECRET, update);
    h.awaitTexts(CAROL, 1);
    post(SECRET, update);
    post(SECRET, h.telegram.webhookUpdate(6, CAROL, "/status"));

    assertThat(h.awaitTexts(CAROL, 2).get(1)).isEqualTo("你还没有投稿。发送「投稿」开始。");
    assertThat(h.telegram.textsTo(CAROL)).hasSize(2);
  }

  @Test
  void stop_removesTheWebhook() {
    h.stop();

    assertThat(h.telegram.lastCall("deletewebhook")).isNotNull();
  }
}
