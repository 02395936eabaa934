package dev.cfpbot.channel.telegram;

import dev.cfpbot.conversation.Content;
import dev.cfpbot.files.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Fetches the documents speakers send and stores them. The download goes through the configured Bot
 * API server (the library's own file URL always points at api.telegram.org).
 */
final class FileFetcher {
  private static final Logger log = LoggerFactory.getLogger(FileFetcher.class);

  /** Bots may download files up to 20 MB from Telegram's servers. */
  static final long TELEGRAM_LIMIT = 20L * 1024 * 1024;

  private final TelegramSettings settings;
  private final TelegramClient client;
  private final OkHttpClient http;
  private final FileStore files;
  private final List<String> allowedTypes;
  private final long maxBytes;

  FileFetcher(
      TelegramSettings settings,
      TelegramClient client,
      OkHttpClient http,
      FileStore files,
      List<String> allowedTypes,
      long maxBytes) {
    this.settings = settings;
    this.client = client;
    this.http = http;
    this.files = files;
    this.allowedTypes = allowedTypes;
    this.maxBytes = Math.min(maxBytes, TELEGRAM_LIMIT);
  }

  /** The document as the engine sees it: stored, or with the reason it could not be. */
  Content.Attachment fetch(Document d) {
    String name = d.getFileName() == null ? "document" : d.getFileName();
    String ref = "telegram:" + d.getFileId();
    long size = d.getFileSize() == null ? 0 : d.getFileSize();
    if (!allowedTypes.contains(FileStore.extension(name))) {
      // Not slides at all: the engine names the accepted types; no point fetching it.
      return new Content.Attachment(name, d.getMimeType(), size, ref);
    }
    if (size > TELEGRAM_LIMIT) {
      return new Content.Attachment(
          name, d.getMimeType(), size, ref, null, Content.Refusal.TOO_LARGE_FOR_CHANNEL);
    }
    try {
      String path = client.execute(GetFile.builder().fileId(d.getFileId()).build()).getFilePath();
      Request request =
          new Request.Builder()
              .url(settings.apiUrl() + "/file/bot" + settings.token() + "/" + path)
              .build();
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful() || response.body() == null) {
          throw new IOException("HTTP " + response.code());
        }
        try (InputStream in = response.body().byteStream()) {
          FileStore.Result result = files.store(in, name, allowedTypes, maxBytes, ref);
          if (result.stored()) {
            return new Content.Attachment(
                name, result.file().type(), result.file().size(), ref, result.file(), null);
          }
          Content.Refusal refusal =
              result.refusal() == FileStore.Refusal.TOO_LARGE
                  ? Content.Refusal.TOO_LARGE_FOR_CHANNEL
                  : Content.Refusal.CONTENT_MISMATCH;
          return new Content.Attachment(name, d.getMimeType(), size, ref, null, refusal);
        }
      }
    } catch (IOException | TelegramApiException e) {
      log.warn(
          "telegram: could not fetch a document: {}",
          Redact.token(e.getMessage(), settings.token()));
      return new Content.Attachment(
          name, d.getMimeType(), size, ref, null, Content.Refusal.NOT_RECEIVED);
    }
  }
}
