package dev.cfpbot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A browser's side of the upload page: GET it, POST a multipart form with any parts. */
public final class Uploads {
  /** A small but genuine PDF, as far as the bot's content check goes. */
  public static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private final HttpClient http = HttpClient.newHttpClient();

  /** One part of a multipart form; {@code fileName} null for a plain field. */
  public record Part(String name, String fileName, byte[] content) {}

  /** A PDF of {@code size} bytes (the header, then filler), distinct per {@code seed}. */
  public static byte[] pdf(int size, int seed) {
    byte[] content = java.util.Arrays.copyOf(PDF, Math.max(size, PDF.length));
    for (int i = PDF.length; i < content.length; i++) {
      content[i] = (byte) ('a' + (i + seed) % 26);
    }
    return content;
  }

  public HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  /** Posts one file in the part named {@code file}, as the page's form does. */
  public HttpResponse<String> upload(URI uri, String name, byte[] content) {
    return post(uri, List.of(new Part("file", name, content)));
  }

  public HttpResponse<String> post(URI uri, List<Part> parts) {
    String boundary = "----cfpbot" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<byte[]> chunks = new ArrayList<>();
    for (Part part : parts) {
      chunks.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + part.name()
                  + "\""
                  + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"")
                  + "\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      chunks.add(part.content());
      chunks.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    chunks.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    chunks.forEach(body::writeBytes);
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
