package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.Storage;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /wechat}: WeChat's server verification (GET) and its message callbacks (POST), plain or
 * safe mode. A request whose signature is missing or wrong gets 403 and is not read further; a body
 * over {@link WechatXml#MAX_BODY} gets 413, one that is not WeChat's XML 400. A message is handled
 * (durably, once: the inbox knows WeChat's ids across its retries) before the response is written,
 * and its first reply goes back in the response.
 */
final class WechatCallback {
  private static final Logger log = LoggerFactory.getLogger(WechatCallback.class);

  private final WechatSettings settings;
  private final WechatCipher cipher;
  private final Storage storage;
  private final Messages messages;
  private final Lang lang;
  private final PassiveReplies passive;
  private final Clock clock;
  private volatile InboundHandler handler;

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
    this.storage = storage;
    this.passive = passive;
    this.clock = clock;
  }

  void start(InboundHandler handler) {
    this.handler = handler;
  }

  /** GET: WeChat checks that the URL is ours before it saves the server settings. */
  void verify(Context ctx) {
    if (!signed(ctx)) {
      refuse(ctx, 403, "bad signature");
      return;
    }
    String echo = ctx.queryParam("echostr");
    ctx.status(200).contentType("text/plain; charset=utf-8").result(echo == null ? "" : echo);
  }

  /** POST: one message or event. */
  void receive(Context ctx) throws IOException {
    if (!signed(ctx)) {
      refuse(ctx, 403, "bad signature");
      return;
    }
    InboundHandler h = handler;
    if (h == null) {
      refuse(ctx, 503, "not started yet");
      return;
    }
    Optional<String> body = body(ctx);
    if (body.isEmpty()) {
      refuse(ctx, 413, "body too large");
      return;
    }
    boolean aes = "aes".equalsIgnoreCase(ctx.queryParam("encrypt_type"));
    WxMpXmlMessage message;
    try {
      message = aes ? decrypt(ctx, body.get()) : WechatXml.message(body.get());
    } catch (SecurityException e) {
      refuse(ctx, 403, e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      refuse(ctx, 400, e.getMessage());
      return;
    }
    if (WechatInbound.asksForOpenid(message)) {
      // Setting up organizers needs their openids, which the WeChat app never shows: answered
      // here, to whoever asks, about themselves only; nothing is stored.
      String text = messages.text(lang, "wechat.openid", "openid", message.getFromUser());
      String xml =
          WechatXml.textReply(
              message.getFromUser(), message.getToUser(), clock.instant().getEpochSecond(), text);
      write(ctx, "application/xml", aes ? cipher.encrypt(xml) : xml);
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
      String xml =
          WechatXml.textReply(
              openid, message.getToUser(), clock.instant().getEpochSecond(), result.inlineReply());
      write(ctx, "application/xml", aes ? cipher.encrypt(xml) : xml);
    } finally {
      passive.end(openid, handled);
    }
  }

  /** The message inside a safe-mode envelope, once its own signature is checked. */
  private WxMpXmlMessage decrypt(Context ctx, String envelope) {
    if (cipher == null) {
      log.warn(
          "wechat: an encrypted (safe mode) callback arrived but {} is not set",
          WechatSettings.AES_KEY);
      throw new IllegalArgumentException("safe mode is not configured");
    }
    String encrypted = WechatXml.encrypted(envelope);
    if (!WechatSignature.matches(
        ctx.queryParam("msg_signature"),
        settings.token(),
        ctx.queryParam("timestamp"),
        ctx.queryParam("nonce"),
        encrypted)) {
      throw new SecurityException("bad message signature");
    }
    String plain;
    try {
      plain = cipher.decrypt(encrypted);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot decrypt", e);
    }
    return WechatXml.message(plain);
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

  private boolean signed(Context ctx) {
    return WechatSignature.matches(
        ctx.queryParam("signature"),
        settings.token(),
        ctx.queryParam("timestamp"),
        ctx.queryParam("nonce"));
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
