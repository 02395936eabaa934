package dev.cfpbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fake's own contract where the benchmarks rely on it. */
class FakeTelegramTest {
  private static final String TOKEN = "123:test";

  @Test
  void awaitFirstGetUpdates_returnsWhenTheCallArrived() throws Exception {
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "test_bot").start(0)) {
      long before = System.nanoTime();
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(telegram.url() + "/bot" + TOKEN + "/getUpdates"))
                      .POST(HttpRequest.BodyPublishers.ofString("{\"timeout\":0}"))
                      .header("Content-Type", "application/json")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      long after = System.nanoTime();

      long arrived = telegram.awaitFirstGetUpdates(Duration.ofSeconds(5));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(arrived).isBetween(before, after);
      assertThat(telegram.awaitFirstGetUpdates(Duration.ofSeconds(5))).isEqualTo(arrived);
    }
  }

  @Test
  void awaitFirstGetUpdates_withoutACall_failsAfterItsTimeout() {
    try (FakeTelegram telegram = new FakeTelegram(TOKEN, "test_bot").start(0)) {
      assertThatThrownBy(() -> telegram.awaitFirstGetUpdates(Duration.ofMillis(50)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("no getUpdates within 50 ms");
    }
  }
}
