package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.StorageException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /wechat}: WeChat's server verification (GET) and its message callbacks (POST), plain or
 * safe mode. A request is read further only when it is WeChat's: signed with the token, its
 * timestamp within five minutes of this server's clock, and its (timestamp, nonce) pair new or a
 * retry of the same message ({@link CallbackGuard}); else 403. With WECHAT_AES_KEY set only
 * encrypted messages are taken, authenticated by their own signature. A body over {@link
 * WechatXml#MAX_BODY} gets 413; one that is not WeChat's XML, or cannot be decrypted, 400. A
 * message is handled (durably, once: the inbox knows WeChat's ids across its retries) before the
 * response is written, and its first reply goes back in the response.
 */
final class WechatCallback {
  private static final Logger log = LoggerFactory.getLogger(WechatCallback.class);

  /** How long a callback that comes while the bot is starting waits for it. */
  static final Duration START_WAIT = Duration.ofSeconds(3);

  private final WechatSettings settings;
  private final WechatCipher cipher;
  private final CallbackGuard guard;
  private final Storage storage;
  private final Messages messages;
  private final Lang lang;
  private final PassiveReplies passive;
  private final Clock clock;
  private final HandlerGate gate = new HandlerGate();

  WechatCallback(
      WechatSettings settings,
      Storage storage,
      Messages messages,
      Lang lang,
      PassiveReplies passive,
      Clock clock) {
    this.settings = settings;
    this.messages = messages;
    this.lang = lang;
    this.cipher =
        settings.safeMode()
            ? new WechatCipher(settings.token(), settings.aesKey(), settings.appId())
            : null;
    this.guard = new CallbackGuard(storage, clock);
    this.storage = storage;
    this.passive = passive;
    this.clock = clock;
  }

  void start(InboundHandler handler) {
    gate.open(handler);
  }

  void stop() {
    gate.close();
  }

  /** GET: WeChat checks that the URL is ours before it saves the server settings. */
  void verify(Context ctx) throws InterruptedException {
    if (!authentic(ctx) || handler(ctx) == null) {
      return;
    }
    String echo = ctx.queryParam("echostr");
    if (!taken(ctx, "GET " + echo)) {
      return;
    }
    ctx.status(200).contentType("text/plain; charset=utf-8").result(echo == null ? "" : echo);
  }

  /** POST: one message or event. */
  void receive(Context ctx) throws IOException, InterruptedException {
    if (!authentic(ctx)) {
      return;
    }
    InboundHandler h = handler(ctx);
    if (h == null) {
      return;
    }
    Optional<String> body = body(ctx);
    if (body.isEmpty()) {
      refuse(ctx, 413, "body too large");
      return;
    }
    boolean aes = "aes".equalsIgnoreCase(ctx.queryParam("encrypt_type"));
    if (cipher != null && !aes) {
      refuse(
          ctx,
          403,
          "a plain (unencrypted) message, but "
              + WechatSettings.AES_KEY
              + " is set: only safe-mode messages are taken");
      return;
    }
    String xml;
    WxMpXmlMessage message;
    try {
      xml = aes ? decrypt(ctx, body.get()) : body.get();
      message = WechatXml.message(xml);
    } catch (SecurityException e) {
      refuse(ctx, 403, e.getMessage());
      return;
    } catch (IllegalArgumentException | WechatDecryptException e) {
      refuse(ctx, 400, e.getMessage());
      return;
    }
    if (!taken(ctx, xml)) {
      return;
    }
    if (WechatInbound.asksForOpenid(message)) {
      // Setting up organizers needs their openids, which the WeChat app never shows: answered
      // here, to whoever asks, about themselves only; nothing is stored.
      String text = messages.text(lang, "wechat.openid", "openid", message.getFromUser());
      reply(ctx, message.getFromUser(), message.getToUser(), text, aes);
      return;
    }
    Optional<Inbound> inbound = WechatInbound.of(message, clock.instant());
    if (inbound.isEmpty()) {
      write(ctx, "text/plain", "success");
      return;
    }
    String openid = message.getFromUser();
    passive.begin(openid);
    boolean handled = false;
    try {
      HandleResult result;
      try {
        result = h.handle(inbound.get());
      } catch (RuntimeException e) {
        // Nothing was recorded: answering with an error makes WeChat deliver it again.
        log.error("wechat: a message could not be handled; WeChat will send it again", e);
        ctx.status(500).result("500");
        return;
      }
      passive.handled(openid);
      handled = true;
      // After the turn, so that what the turn reports (a digest's count of waiting messages)
      // does not race the sender picking them up.
      wakeHeld(openid);
      if (result.inlineReply() == null || result.inlineReply().isEmpty()) {
        write(ctx, "text/plain", "success");
        return;
      }
      reply(ctx, openid, message.getToUser(), result.inlineReply(), aes);
    } finally {
      passive.end(openid, handled);
    }
  }

  /** A passive text reply, encrypted when the message was. */
  private void reply(Context ctx, String to, String from, String text, boolean aes)
      throws IOException {
    long now = clock.instant().getEpochSecond();
    String xml = WechatXml.textReply(to, from, now, text);
    write(ctx, "application/xml", aes ? cipher.seal(xml, now) : xml);
  }

  /** The message inside a safe-mode envelope, once its own signature is checked. */
  private String decrypt(Context ctx, String envelope) {
    if (cipher == null) {
      log.warn(
          "wechat: an encrypted (safe mode) callback arrived but {} is not set",
          WechatSettings.AES_KEY);
      throw new IllegalArgumentException("safe mode is not configured");
    }
    // Compatible mode sends the message in the clear beside it: only the encrypted one is
    // authenticated, so only it is read.
    String encrypted = WechatXml.encrypted(envelope);
    if (!WechatSignature.matches(
        ctx.queryParam("msg_signature"),
        settings.token(),
        ctx.queryParam("timestamp"),
        ctx.queryParam("nonce"),
        encrypted)) {
      throw new SecurityException("bad message signature");
    }
    return cipher.decrypt(encrypted);
  }

  /** Signed with the token, and fresh; refused (403) otherwise. */
  private boolean authentic(Context ctx) {
    String timestamp = ctx.queryParam("timestamp");
    String nonce = ctx.queryParam("nonce");
    if (!WechatSignature.matches(ctx.queryParam("signature"), settings.token(), timestamp, nonce)) {
      refuse(ctx, 403, "bad signature");
      return false;
    }
    Optional<String> problem = guard.problem(timestamp, nonce);
    problem.ifPresent(why -> refuse(ctx, 403, why));
    return problem.isEmpty();
  }

  /** The handler, once the channel has started (waiting for it a moment); 503 and null if not. */
  private InboundHandler handler(Context ctx) throws InterruptedException {
    InboundHandler h = gate.await(START_WAIT);
    if (h == null) {
      refuse(ctx, 503, "the bot is not running (still starting, or stopping)");
    }
    return h;
  }

  /**
   * Whether this request's (timestamp, nonce) is new, or WeChat retrying {@code message}; refused
   * (403) when it is a replay with another message.
   */
  private boolean taken(Context ctx, String message) {
    CallbackGuard.Seen seen;
    try {
      seen = guard.remember(ctx.queryParam("timestamp"), ctx.queryParam("nonce"), message);
    } catch (StorageException e) {
      refuse(ctx, 503, "could not check the nonce: " + e.operation() + " failed");
      return false;
    }
    if (seen == CallbackGuard.Seen.REPLAY) {
      refuse(ctx, 403, "a timestamp and nonce already used, with another message (a replay)");
      return false;
    }
    return true;
  }

  /** Someone writing to the account reopens the 48-hour window: their held messages can go. */
  private void wakeHeld(String openid) {
    try {
      storage
          .database()
          .useTransaction(
              "wake held wechat messages",
              tx -> storage.outbox().wakeHeld(tx, WechatChannel.NAME, openid, clock.instant()));
    } catch (RuntimeException e) {
      // The reply is ready and must still go; held messages go at their next retry instead.
      log.warn("wechat: could not wake held messages: {}", e.getMessage());
    }
  }

  /** The body, or empty when it is larger than any WeChat message (read no further than that). */
  private static Optional<String> body(Context ctx) throws IOException {
    if (ctx.req().getContentLengthLong() > WechatXml.MAX_BODY) {
      return Optional.empty();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(WechatXml.MAX_BODY + 1);
      return bytes.length > WechatXml.MAX_BODY
          ? Optional.empty()
          : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /** Writes the response now (not after the handler), so that its end is known to the sender. */
  private static void write(Context ctx, String type, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ctx.res().setStatus(200);
    ctx.res().setContentType(type + "; charset=utf-8");
    ctx.res().setContentLength(bytes.length);
    OutputStream out = ctx.res().getOutputStream();
    out.write(bytes);
    out.flush();
  }

  private static void refuse(Context ctx, int status, String why) {
    log.warn("wechat callback refused ({}): {} from {}", status, why, ctx.ip());
    ctx.status(status).contentType("text/plain; charset=utf-8").result(String.valueOf(status));
  }
}
