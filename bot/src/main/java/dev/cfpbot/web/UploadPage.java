package dev.cfpbot.web;

import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.HttpRoutes;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.Sender;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.links.UploadLinks;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The personal slides upload page, {@code GET} and {@code POST /upload/{token}}, for speakers whose
 * chat cannot carry the file (a WeChat Official Account cannot receive files; Telegram bots cannot
 * download more than 20 MB). Channel-neutral: the link names the chat, submission and field.
 *
 * <p>A POST first claims the link (one upload per link, whatever the concurrency), then reads the
 * form to disk, checks the file by its content and size, stores it, and hands it to the bot as an
 * attachment for the link's proposal and field, in the bot's one-transaction turn: the chat gets
 * its reply, and the page says what the turn did — saved as which proposal's slides, or refused and
 * why. A file the bot did not keep is deleted at once, and the link works again.
 */
public final class UploadPage implements HttpRoutes {
  private static final Logger log = LoggerFactory.getLogger(UploadPage.class);

  private final InboundHandler handler;
  private final FileStore files;
  private final UploadLinks links;
  private final UploadTargets targets;
  private final UploadTexts texts;
  private final Clock clock;
  private final Path spool;

  /**
   * @param handler the bot's dispatcher: the upload becomes a message from the link's chat
   * @param spool where the HTTP server writes an upload while it arrives
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
    Optional<UploadTargets.Target> target = target(ctx);
    if (target.isPresent() && target.get().grant().used()) {
      texts.send(ctx, 410, texts.both("upload.used"));
    } else {
      target.ifPresent(t -> texts.send(ctx, 200, texts.form(t)));
    }
  }

  private void receive(Context ctx) throws IOException {
    Optional<UploadTargets.Target> target = target(ctx);
    if (target.isEmpty()) {
      return;
    }
    UploadTargets.Target t = target.get();
    long max = t.field().maxFileBytes();
    if (ctx.req().getContentLengthLong() > max + UploadForm.ENVELOPE) {
      texts.send(ctx, 413, texts.both("upload.too_large", "max", t.field().maxFileMb()));
      return;
    }
    // Used already, or another upload on this link wins the claim while this one arrives.
    if (t.grant().used() || !links.claim(t.grant())) {
      texts.send(ctx, 410, texts.both("upload.used"));
      drain(ctx, max + UploadForm.ENVELOPE);
      return;
    }
    boolean kept = false;
    try (UploadForm form = UploadForm.read(ctx, spool, max)) {
      if (form.refusal() != null) {
        log.info("upload refused while it arrived: {}", form.refusal().key());
        String body = texts.both(form.refusal().key(), "max", t.field().maxFileMb());
        texts.send(ctx, form.refusal().status(), body);
        return;
      }
      String name = fileName(form.file().getSubmittedFileName());
      FileStore.Result stored;
      try (InputStream in = form.file().getInputStream()) {
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
      kept = handOver(ctx, t, name, stored.file());
    } finally {
      if (!kept) {
        links.release(t.grant());
      }
    }
  }

  /** The bot's turn on the stored file; returns whether it kept it (else the file is deleted). */
  private boolean handOver(Context ctx, UploadTargets.Target t, String name, FileRef ref)
      throws IOException {
    UploadLinks.Grant g = t.grant();
    HandleResult result;
    try {
      result = turn(g, name, ref);
    } catch (RuntimeException e) {
      files.discard(ref);
      throw e;
    }
    HandleResult.FileOutcome outcome = result.file();

    boolean kept = outcome != null && outcome.saved();
    if (!kept) {
      files.discard(ref);
    }
    log.info(
        "upload for submission {}: {} ({} bytes)",
        g.submissionId(),
        kept ? "saved" : "not kept: " + (outcome == null ? "failed" : outcome.refusal()),
        ref.size());
    texts.send(ctx, kept ? 200 : 409, texts.outcome(t, outcome));
    return kept;
  }

  /** The upload as a message from the link's chat, for the link's proposal and field. */
  private HandleResult turn(UploadLinks.Grant g, String name, FileRef ref) {
    return handler.handle(
        new Inbound(
            g.channel(),
            g.chatId(),
            "upload:" + UUID.randomUUID(),
            new Sender(g.chatId(), null, null),
            true,
            new Content.Attachment(
                name,
                ref.type(),
                ref.size(),
                null,
                ref,
                null,
                new Content.Target(g.submissionId(), g.fieldId())),
            clock.instant(),
            false));
  }

  /**
   * What the link grants, or an error page already sent: a forged or expired link, a submission
   * that no longer exists.
   */
  private Optional<UploadTargets.Target> target(Context ctx) {
    Optional<UploadTargets.Target> target =
        links.verify(ctx.pathParam("token")).flatMap(targets::find);
    if (target.isEmpty()) {
      texts.send(ctx, 403, texts.both("upload.invalid"));
    }
    return target;
  }

  /**
   * Reads and drops what is left of a request that was answered without it (at most {@code limit}
   * bytes, which the size check already allowed), so that the browser, still sending, gets the
   * answer rather than a connection reset.
   */
  private static void drain(Context ctx, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = ctx.req().getInputStream()) {
      int n;
      while (total < limit && (n = in.read(buffer)) >= 0) {
        total += n;
      }
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
