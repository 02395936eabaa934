package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.ChannelRehearsal;
import dev.cfpbot.concurrent.Shutdown;
import dev.cfpbot.concurrent.Threads;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * WeChat's side of the start-up rehearsal ({@link ChannelRehearsal}): each speaker follows the
 * account and then types their messages, each one a callback as WeChat sends it — signed with the
 * account's token, encrypted in safe mode —, posted to the copy's {@code /wechat} on loopback and
 * answered before the next. Eight speakers side by side, so that the copy takes its turns in
 * batches, as the bot does under a crowd.
 */
final class WechatRehearsal implements ChannelRehearsal {
  static final int SIDE_BY_SIDE = 8;
  private static final String ACCOUNT = "gh_rehearsal";
  private static final MediaType XML = MediaType.get("text/xml; charset=utf-8");

  private final String token;
  private final WechatCipher cipher;
  private final Clock clock;
  private final AtomicLong ids = new AtomicLong();

  /**
   * @param cipher safe mode's, or null in plain mode
   */
  WechatRehearsal(String token, WechatCipher cipher, Clock clock) {
    this.token = token;
    this.cipher = cipher;
    this.clock = clock;
  }

  @Override
  public int play(URI server, List<List<String>> speakers, Duration budget)
      throws InterruptedException {
    long end = System.nanoTime() + budget.toNanos();
    AtomicInteger answered = new AtomicInteger();
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    ExecutorService side =
        Executors.newFixedThreadPool(SIDE_BY_SIDE, Threads.named("cfpbot-rehearsal"));
    try {
      for (int i = 0; i < speakers.size(); i++) {
        String openid = "rehearsal-" + i;
        List<String> messages = speakers.get(i);
        side.execute(
            () -> {
              if (System.nanoTime() - end < 0) {
                answered.addAndGet(follow(http, server, openid, messages));
              }
            });
      }
    } finally {
      Shutdown.gently(side, "the start-up rehearsal");
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    return answered.get();
  }

  /** One speaker: the follow event, then each message; stops at the first that is not answered. */
  private int follow(OkHttpClient http, URI server, String openid, List<String> messages) {
    int answered = 0;
    if (!post(http, server, event(openid))) {
      return answered;
    }
    for (String text : messages) {
      if (!post(http, server, text(openid, text))) {
        break;
      }
      answered++;
    }
    return answered;
  }

  private boolean post(OkHttpClient http, URI server, String xml) {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    String nonce = Long.toString(ids.incrementAndGet());
    String query =
        "signature=" + WechatSignature.of(token, timestamp, nonce) + "&timestamp=" + timestamp;
    query += "&nonce=" + nonce;
    String body = xml;
    if (cipher != null) {
      String encrypted = cipher.encrypt(xml);
      query +=
          "&encrypt_type=aes&msg_signature="
              + WechatSignature.of(token, timestamp, nonce, encrypted);
      body =
          "<xml><ToUserName><![CDATA["
              + ACCOUNT
              + "]]></ToUserName><Encrypt><![CDATA["
              + encrypted
              + "]]></Encrypt></xml>";
    }
    Request request =
        new Request.Builder()
            .url(server.resolve("/wechat?" + query).toString())
            .post(RequestBody.create(body, XML))
            .build();
    try (Response response = http.newCall(request).execute()) {
      return response.code() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private String event(String openid) {
    return message(openid, "event", "<Event><![CDATA[subscribe]]></Event>");
  }

  private String text(String openid, String text) {
    return message(
        openid,
        "text",
        "<Content><![CDATA[" + text + "]]></Content><MsgId>" + ids.incrementAndGet() + "</MsgId>");
  }

  private String message(String openid, String type, String fields) {
    return "<xml><ToUserName><![CDATA["
        + ACCOUNT
        + "]]></ToUserName><FromUserName><![CDATA["
        + openid
        + "]]></FromUserName><CreateTime>"
        + clock.instant().getEpochSecond()
        + "</CreateTime><MsgType><![CDATA["
        + type
        + "]]></MsgType>"
        + fields
        + "</xml>";
  }
}
