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
import java.util.Objects;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /wechat}: WeChat's server verification (GET) and its message callbacks (POST), plain or
 * safe mode. A request is read only as far as {@link CallbackCheck} finds it WeChat's: signed,
 * fresh, not a replay, and encrypted when WECHAT_AES_KEY is set; else it is refused (403, 400 for
 * what cannot be read or decrypted, 413 for a body over {@link WechatXml#MAX_BODY}). A message is
 * handled (durably, once: the inbox knows WeChat's ids across its retries) before the response is
 * written, and its first reply goes back in the response.
 */
final class WechatCallback {
  private static final Logger log = LoggerFactory.getLogger(WechatCallback.class);

  private final WechatCipher cipher;
  private final CallbackCheck check;
  private final HandlerGate gate = new HandlerGate();
  private final Storage storage;
  private final Messages messages;
  private final Lang lang;
  private final PassiveReplies passive;
  private final Clock clock;

  /**
   * @param cipher safe mode's ({@code WECHAT_AES_KEY} set), or null in plain mode
   */
  WechatCallback(
      WechatSettings settings,
      WechatCipher cipher,
      Storage storage,
      Messages messages,
      Lang lang,
      PassiveReplies passive,
      Clock clock) {
    this.cipher = cipher;
    this.check =
        new CallbackCheck(settings.token(), cipher, new CallbackGuard(storage, clock), gate);
    this.storage = storage;
    this.messages = messages;
    this.lang = lang;
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
    String echo = Objects.requireNonNullElse(ctx.queryParam("echostr"), "");
    try {
      check.signedAndFresh(ctx);
      check.handler();
      check.firstOrRetry(ctx, "GET " + echo);
    } catch (CallbackRefused e) {
      refuse(ctx, e);
      return;
    }
    ctx.status(200).contentType("text/plain; charset=utf-8").result(echo);
  }

  /**
   * POST: one message or event. A message for a turn has its (timestamp, nonce) pair checked in the
   * turn's own transaction ({@link dev.cfpbot.channel.SignedPair}); anything else, here first.
   */
  void receive(Context ctx) throws IOException, InterruptedException {
    InboundHandler handler;
    WxMpXmlMessage message;
    boolean asksForOpenid;
    Optional<Inbound> inbound;
    try {
      check.signedAndFresh(ctx);
      handler = check.handler();
      String xml = check.message(ctx, body(ctx));
      message = parse(xml);
      asksForOpenid = WechatInbound.asksForOpenid(message);
      inbound = asksForOpenid ? Optional.empty() : WechatInbound.of(message, clock.instant());
      if (inbound.isPresent()) {
        inbound = Optional.of(inbound.get().signedWith(check.pair(ctx, xml)));
      } else {
        check.firstOrRetry(ctx, xml);
      }
    } catch (CallbackRefused e) {
      refuse(ctx, e);
      return;
    }
    boolean aes = CallbackCheck.encrypted(ctx);
    if (asksForOpenid) {
      // Setting up organizers needs their openids, which the WeChat app never shows: answered
      // here, to whoever asks, about themselves only; nothing is stored.
      String text = messages.text(lang, "wechat.openid", "openid", message.getFromUser());
      reply(ctx, message, text, aes);
      return;
    }
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
        result = handler.handle(inbound.get());
      } catch (RuntimeException e) {
        // Nothing was recorded: answering with an error makes WeChat deliver it again.
        log.error("wechat: a message could not be handled; WeChat will send it again", e);
        ctx.status(500).result("500");
        return;
      }
      if (result.replayed()) {
        refuse(ctx, CallbackCheck.replay());
        return;
      }
      passive.handled(openid);
      handled = true;
      try {
        if (result.inlineReply() == null || result.inlineReply().isEmpty()) {
          write(ctx, "text/plain", "success");
        } else {
          reply(ctx, message, result.inlineReply(), aes);
        }
      } finally {
        // After the turn, so that what the turn reports (a digest's count of waiting messages)
        // does not race the sender picking them up; and after the response, which need not wait.
        wakeHeld(openid);
      }
    } finally {
      passive.end(openid, handled);
    }
  }

  private static WxMpXmlMessage parse(String xml) throws CallbackRefused {
    try {
      return WechatXml.message(xml);
    } catch (IllegalArgumentException e) {
      throw new CallbackRefused(400, e.getMessage());
    }
  }

  /** A passive text reply to {@code message}'s sender, encrypted when the message was. */
  private void reply(Context ctx, WxMpXmlMessage message, String text, boolean aes)
      throws IOException {
    long now = clock.instant().getEpochSecond();
    String xml = WechatXml.textReply(message.getFromUser(), message.getToUser(), now, text);
    write(ctx, "application/xml", aes ? cipher.seal(xml, now) : xml);
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

  /**
   * The body; refused when it is larger than any WeChat message (read no further than that). With a
   * length given (WeChat gives one), that many bytes are read into an array of that size.
   */
  private static String body(Context ctx) throws IOException, CallbackRefused {
    long length = ctx.req().getContentLengthLong();
    if (length > WechatXml.MAX_BODY) {
      throw new CallbackRefused(413, "body too large");
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(length < 0 ? WechatXml.MAX_BODY + 1 : (int) length);
      if (bytes.length > WechatXml.MAX_BODY) {
        throw new CallbackRefused(413, "body too large");
      }
      return new String(bytes, StandardCharsets.UTF_8);
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

  private static void refuse(Context ctx, CallbackRefused refusal) {
    int status = refusal.status();
    log.warn("wechat callback refused ({}): {} from {}", status, refusal.getMessage(), ctx.ip());
    ctx.status(status).contentType("text/plain; charset=utf-8").result(String.valueOf(status));
  }
}
