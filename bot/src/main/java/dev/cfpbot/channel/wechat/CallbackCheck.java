package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.SignedPair;
import dev.cfpbot.storage.StorageException;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * What makes a request to {@code /wechat} WeChat's, step by step; each step refuses with the status
 * to answer. Signed with the token and fresh (403), once the bot runs (503 after waiting {@link
 * #START_WAIT}), encrypted when WECHAT_AES_KEY is set and then signed over its {@code Encrypt}
 * element (403) and decryptable (400), and a new (timestamp, nonce) pair or WeChat retrying the
 * same message (403 for a replay).
 */
final class CallbackCheck {
  /** How long a callback that comes while the bot is starting waits for it. */
  static final Duration START_WAIT = Duration.ofSeconds(3);

  private final String token;
  private final WechatCipher cipher;
  private final CallbackGuard guard;
  private final HandlerGate gate;

  /**
   * @param cipher safe mode's, or null in plain mode
   */
  CallbackCheck(String token, WechatCipher cipher, CallbackGuard guard, HandlerGate gate) {
    this.token = token;
    this.cipher = cipher;
    this.guard = guard;
    this.gate = gate;
  }

  /** Signed with the token, and its timestamp within five minutes of this server's clock. */
  void signedAndFresh(Context ctx) throws CallbackRefused {
    String timestamp = ctx.queryParam("timestamp");
    String nonce = ctx.queryParam("nonce");
    if (!WechatSignature.matches(ctx.queryParam("signature"), token, timestamp, nonce)) {
      throw new CallbackRefused(403, "bad signature");
    }
    Optional<String> problem = guard.problem(timestamp, nonce);
    if (problem.isPresent()) {
      throw new CallbackRefused(403, problem.get());
    }
  }

  /** The handler, once the channel has started (waiting for it a moment). */
  InboundHandler handler() throws CallbackRefused, InterruptedException {
    InboundHandler h = gate.await(START_WAIT);
    if (h == null) {
      throw new CallbackRefused(503, "the bot is not running (still starting, or stopping)");
    }
    return h;
  }

  /**
   * The message a POST carries: its body in plain mode; in safe mode the content of its {@code
   * Encrypt} element, once that element's own signature is checked. Compatible mode sends the
   * message in the clear beside it: only the encrypted one is authenticated, so only it is read.
   */
  String message(Context ctx, String body) throws CallbackRefused {
    boolean aes = encrypted(ctx);
    if (!aes) {
      if (cipher != null) {
        throw new CallbackRefused(
            403,
            "a plain (unencrypted) message, but "
                + WechatSettings.AES_KEY
                + " is set: only safe-mode messages are taken");
      }
      return body;
    }
    if (cipher == null) {
      throw new CallbackRefused(
          400, "an encrypted (safe mode) message, but " + WechatSettings.AES_KEY + " is not set");
    }
    String encrypted;
    try {
      encrypted = WechatXml.encrypted(body);
    } catch (IllegalArgumentException e) {
      throw new CallbackRefused(400, e.getMessage());
    }
    if (!WechatSignature.matches(
        ctx.queryParam("msg_signature"),
        token,
        ctx.queryParam("timestamp"),
        ctx.queryParam("nonce"),
        encrypted)) {
      throw new CallbackRefused(403, "bad message signature");
    }
    try {
      return cipher.decrypt(encrypted);
    } catch (WechatDecryptException e) {
      throw new CallbackRefused(400, "cannot decrypt: " + e.getMessage());
    }
  }

  /** Whether the request says it is encrypted (safe or compatible mode). */
  static boolean encrypted(Context ctx) {
    return "aes".equalsIgnoreCase(ctx.queryParam("encrypt_type"));
  }

  /**
   * The request's (timestamp, nonce) pair is new, or WeChat retrying {@code message}; not a replay
   * with another message. Call it once the message is read: it records the pair.
   */
  void firstOrRetry(Context ctx, String message) throws CallbackRefused {
    CallbackGuard.Seen seen;
    try {
      seen = guard.remember(ctx.queryParam("timestamp"), ctx.queryParam("nonce"), message);
    } catch (StorageException e) {
      throw new CallbackRefused(503, "could not check the nonce: " + e.operation() + " failed");
    }
    if (seen == CallbackGuard.Seen.REPLAY) {
      throw replay();
    }
  }

  /**
   * The request's signed pair with {@code message}'s digest, for a message whose turn checks it in
   * its own transaction ({@link SignedPair}) instead of {@link #firstOrRetry}: one commit per
   * message, not two. Old pairs are pruned here when that is due.
   */
  SignedPair pair(Context ctx, String message) throws CallbackRefused, InterruptedException {
    try {
      guard.pruneIfDue();
    } catch (StorageException e) {
      throw new CallbackRefused(503, "could not check the nonce: " + e.operation() + " failed");
    }
    return new SignedPair(
        Long.parseLong(ctx.queryParam("timestamp")),
        ctx.queryParam("nonce"),
        CallbackGuard.sha256(message));
  }

  /** The refusal of a pair already used with another message. */
  static CallbackRefused replay() {
    return new CallbackRefused(
        403, "a timestamp and nonce already used, with another message (a replay)");
  }
}
