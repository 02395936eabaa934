package dev.cfpbot.config;

/**
 * The embedded HTTP server (webhooks, the upload page, health).
 *
 * @param host the address to listen on ({@code CFPBOT_HTTP_HOST}); 127.0.0.1 behind a proxy
 * @param port ({@code CFPBOT_HTTP_PORT})
 * @param publicUrl how speakers' phones reach it, e.g. https://cfp.example.org ({@code
 *     CFPBOT_PUBLIC_URL})
 */
public record HttpConfig(String host, Integer port, String publicUrl) {

  public static HttpConfig defaults() {
    return new HttpConfig(null, null, null);
  }
}
