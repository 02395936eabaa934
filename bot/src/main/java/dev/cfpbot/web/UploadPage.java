package dev.cfpbot.web;

import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.Sender;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.conversation.Templates;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.model.FileRef;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The personal slides upload page, {@code GET} and {@code POST /upload/{token}}, for speakers whose
 * chat cannot carry the file (a WeChat Official Account cannot receive files; Telegram bots cannot
 * download more than 20 MB). Channel-neutral: the token names the chat, submission and field.
 *
 * <p>A file is checked by its content (not only its name) and its size, stored under the data
 * directory by its SHA-256, and handed to the bot as an attachment from the token's chat, so that
 * the engine saves it as the slides answer (or as an edit) and replies in the chat. A token uploads
 * one file: its message id is derived from it, so the inbox refuses a second one.
 */
public final class UploadPage implements HttpRoutes {
  private static final Logger log = LoggerFactory.getLogger(UploadPage.class);

  /** Room for the multipart envelope around the file. */
  private static final long ENVELOPE = 64 * 1024;

  private final InboundHandler handler;
  private final FileStore files;
  private final UploadLinks links;
  private final UploadTargets targets;
  private final UploadTexts texts;
  private final Clock clock;
  private final Path spool;

  /**
   * @param handler the bot's dispatcher: the upload becomes a message from the token's chat
   * @param spool where the HTTP server keeps a large upload while it arrives
   */
  public UploadPage(
      InboundHandler handler,
      FileStore files,
      UploadLinks links,
      UploadTargets targets,
      Messages messages,
      Clock clock,
      Path spool) {
    this.handler = handler;
    this.files = files;
    this.links = links;
    this.targets = targets;
    this.texts = new UploadTexts(messages);
    this.clock = clock;
    this.spool = spool;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/upload/{token}", this::show);
    routes.post("/upload/{token}", this::receive);
  }

  private void show(Context ctx) {
    String token = ctx.pathParam("token");
    Optional<UploadTargets.Target> target = target(ctx, token);
    if (target.isEmpty()) {
      return;
    }
    texts.send(ctx, 200, texts.form(target.get().field(), target.get().talk()));
  }

  private void receive(Context ctx) throws IOException {
    String token = ctx.pathParam("token");
    Optional<UploadTargets.Target> target = target(ctx, token);
    if (target.isEmpty()) {
      return;
    }
    UploadTargets.Target t = target.get();
    long max = t.field().maxFileBytes();
    if (ctx.req().getContentLengthLong() > max + ENVELOPE) {
      texts.send(ctx, 413, texts.both("upload.too_large", "max", t.field().maxFileMb()));
      return;
    }
    Files.createDirectories(spool);
    // The multipart parser keeps parts above 1 MB on disk, in the data directory, and refuses a
    // body larger than the field allows (plus the envelope) while it arrives.
    ctx.req()
        .setAttribute(
            "org.eclipse.jetty.multipartConfig",
            new MultipartConfigElement(spool.toString(), max + 1, max + ENVELOPE, 1024 * 1024));
    UploadedFile file;
    try {
      file = ctx.uploadedFile("file");
    } catch (Exception e) {
      // Jetty's parser refuses a part over the limit (as a servlet exception, thrown unchecked
      // through Javalin's Kotlin) or a body that is no multipart form.
      log.info("upload refused while it arrived: {}", e.getClass().getSimpleName());
      if (tooLarge(e)) {
        texts.send(ctx, 413, texts.both("upload.too_large", "max", t.field().maxFileMb()));
      } else {
        texts.send(ctx, 400, texts.both("upload.missing"));
      }
      return;
    }
    if (file == null || file.size() == 0) {
      texts.send(ctx, 400, texts.both("upload.missing"));
      return;
    }
    String name = fileName(file.filename());
    FileStore.Result stored;
    try (InputStream in = file.content()) {
      stored = files.store(in, name, t.field().fileTypes(), max, null);
    }
    if (!stored.stored()) {
      boolean large = stored.refusal() == FileStore.Refusal.TOO_LARGE;
      texts.send(
          ctx,
          large ? 413 : 415,
          large
              ? texts.both("upload.too_large", "max", t.field().maxFileMb())
              : texts.both("upload.wrong_type", "types", UploadTexts.types(t.field())));
      return;
    }
    FileRef ref = stored.file();
    UploadLinks.Grant g = t.grant();
    HandleResult result =
        handler.handle(
            new Inbound(
                g.channel(),
                g.chatId(),
                messageId(token),
                new Sender(g.chatId(), null, null),
                true,
                new Content.Attachment(name, ref.type(), ref.size(), null, ref, null),
                clock.instant(),
                false));
    if (result.duplicate()) {
      texts.send(ctx, 410, texts.both("upload.used"));
      return;
    }
    log.info("upload for submission {} stored ({} bytes)", g.submissionId(), ref.size());
    texts.send(
        ctx, 200, texts.both("upload.done", "file", name, "size", Templates.size(ref.size())));
  }

  /**
   * The upload the token grants, or an error page already sent: a forged or expired token, a
   * submission that no longer exists, a token already used.
   */
  private Optional<UploadTargets.Target> target(Context ctx, String token) {
    Optional<UploadTargets.Target> target = links.verify(token).flatMap(targets::find);
    if (target.isEmpty()) {
      texts.send(ctx, 403, texts.both("upload.invalid"));
      return Optional.empty();
    }
    if (targets.used(target.get().grant().channel(), messageId(token))) {
      texts.send(ctx, 410, texts.both("upload.used"));
      return Optional.empty();
    }
    return target;
  }

  /** Whether the multipart parser gave up because of a size limit. */
  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      // Jetty: "max file size exceeded: …", "max length exceeded: …"
      if (message.contains("max") && message.contains("exceeded")) {
        return true;
      }
    }
    return false;
  }

  /** The upload's message id: one per token, so a token takes one file. */
  static String messageId(String token) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return "upload:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The name the phone gave the file, without any directory and control characters. */
  static String fileName(String given) {
    String name = given == null ? "" : given.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (name.codePointCount(0, name.length()) > 120) {
      String ext = FileStore.extension(name);
      name = name.substring(0, name.offsetByCodePoints(0, 100)) + (ext.isEmpty() ? "" : "." + ext);
    }
    return name.isEmpty() ? "slides" : name;
  }
}
