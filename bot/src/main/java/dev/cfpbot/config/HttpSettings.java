package dev.cfpbot.config;

import java.net.URI;
import java.util.Map;

/**
 * The embedded HTTP server's settings, the environment overriding the file.
 *
 * @param explicit the operator asked for the server (set a port), even if no channel needs it
 */
public record HttpSettings(String host, int port, String publicUrl, boolean explicit) {
  public static final String HOST = "CFPBOT_HTTP_HOST";
  public static final String PORT = "CFPBOT_HTTP_PORT";
  public static final String PUBLIC_URL = "CFPBOT_PUBLIC_URL";

  public static HttpSettings resolve(HttpConfig file, Map<String, String> env) {
    HttpConfig f = file == null ? HttpConfig.defaults() : file;
    EnvOverFile settings = new EnvOverFile(env);
    String host = settings.value(HOST, f.host(), "127.0.0.1");
    String portText = settings.value(PORT, f.port());
    int port = 8080;
    if (portText != null) {
      try {
        port = Integer.parseInt(portText.strip());
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65535) {
        throw new ConfigException(
            PORT + " (or http.port): '" + portText + "' is not a port; expected 0-65535");
      }
    }
    String publicUrl = settings.value(PUBLIC_URL, f.publicUrl());
    if (publicUrl != null) {
      publicUrl = publicUrl.replaceAll("/+$", "");
      URI uri = URI.create(publicUrl);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
        throw new ConfigException(
            PUBLIC_URL
                + " (or http.public_url): '"
                + publicUrl
                + "' is not a web address; expected e.g. https://cfp.example.org");
      }
    }
    return new HttpSettings(host, port, publicUrl, portText != null);
  }
}
