package dev.cfpbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.config.HttpSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebServerTest {
  private WebServer server;

  @BeforeEach
  void start() {
    server =
        WebServer.start(
            new HttpSettings("127.0.0.1", 0, "http://127.0.0.1", true),
            List.of(),
            () -> new HealthReport(true, "up", Map.of(), 0, 0));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void connections_keepNoCacheOfHeaderFields() {
    assertThat(server.httpConfiguration().getHeaderCacheSize()).isZero();
  }

  @Test
  void connector_holdsACrowdsConnectionsForJettyToAccept() {
    assertThat(server.connector().getAcceptQueueSize()).isEqualTo(1024);
    assertThat(server.connector().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.connector().getLocalPort()).isEqualTo(server.port()).isPositive();
  }

  @Test
  void keptAliveConnection_servesOneRequestAfterAnother() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      List<String> statusLines = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        out.write(
            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Mozilla/4.0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        statusLines.add(in.readLine());
        skipRestOfResponse(in);
      }

      assertThat(statusLines)
          .containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK");
    }
  }

  /** Reads past the headers and the body, whose length the headers give. */
  private static void skipRestOfResponse(BufferedReader in) throws Exception {
    int length = 0;
    for (String line; !(line = in.readLine()).isEmpty(); ) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).strip());
      }
    }
    for (int i = 0; i < length; i++) {
      in.read();
    }
  }
}
