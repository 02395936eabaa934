package dev.cfpbot.testkit.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What WeChat's servers do to the bot: signed callbacks, in plain or safe mode, written from
 * WeChat's documentation independently of the channel's own code (its signatures and AES here are
 * the JDK's), so that the two meet only on the wire.
 */
public final class WechatClient {
  public static final String ACCOUNT = CallbackXml.ACCOUNT;

  /** Nonces: never the same twice in this JVM, whichever client signs. */
  private static final AtomicLong NONCES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  /** The HTTP answer, and the passive reply's text (decrypted in safe mode; null for none). */
  public record Response(int status, String body, String reply) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final String token;
  private final byte[] aesKey;
  private final String appId;
  private final Clock clock;

  /**
   * @param aesKey the EncodingAESKey for safe mode; null for plain mode
   */
  public WechatClient(URI endpoint, String token, String aesKey, String appId, Clock clock) {
    this.endpoint = endpoint;
    this.token = token;
    this.aesKey = aesKey == null ? null : WechatEnvelopes.key(aesKey);
    this.appId = appId;
    this.clock = clock;
  }

  /** A client with the same account and clock, for another endpoint. */
  public WechatClient to(URI other) {
    return new WechatClient(other, token, aesKey, appId, clock);
  }

  private WechatClient(URI endpoint, String token, byte[] aesKey, String appId, Clock clock) {
    this.endpoint = endpoint;
    this.token = token;
    this.aesKey = aesKey;
    this.appId = appId;
    this.clock = clock;
  }

  /**
   * {@code xml} as the bot sends a passive reply back: as it is in plain mode, encrypted and signed
   * in safe mode (for {@link DriverWarmUp}'s echo).
   */
  String sealed(String xml) {
    if (aesKey == null) {
      return xml;
    }
    String encrypted = WechatEnvelopes.encrypt(aesKey, appId, xml);
    String timestamp = Long.toString(now());
    String nonce = Long.toString(NONCES.incrementAndGet());
    return "<xml><Encrypt><![CDATA["
        + encrypted
        + "]]></Encrypt><MsgSignature><![CDATA["
        + sha1(token, timestamp, nonce, encrypted)
        + "]]></MsgSignature><TimeStamp>"
        + timestamp
        + "</TimeStamp><Nonce><![CDATA["
        + nonce
        + "]]></Nonce></xml>";
  }

  public long now() {
    return clock.instant().getEpochSecond();
  }

  public static long nextMsgId() {
    return CallbackXml.nextMsgId();
  }

  public static String textXml(String openid, String text, long msgId, long createTime) {
    return CallbackXml.text(openid, text, msgId, createTime);
  }

  public static String eventXml(String openid, String event, String key, long createTime) {
    return CallbackXml.event(openid, event, key, createTime);
  }

  /** A text message with a new MsgId. */
  public Response text(String openid, String text) {
    return post(textXml(openid, text, nextMsgId(), now()));
  }

  /** {@code xml} as WeChat would deliver it: signed, and encrypted in safe mode. */
  public Response post(String xml) {
    return send(sign(xml));
  }

  /** Bytes as WeChat would deliver them, whether they are UTF-8 or not. */
  public Response post(byte[] xml) {
    if (aesKey == null) {
      return send(query(), xml);
    }
    return send(signEncrypted(WechatEnvelopes.encrypt(aesKey, appId, xml), ""));
  }

  /** A request as WeChat signs it: the query (the signature's parts) and the body. */
  public record Signed(String query, String body) {
    /** The same signed query with another body: what someone who saw the URL could send. */
    public Signed withBody(String other) {
      return new Signed(query, other);
    }
  }

  /**
   * {@code xml} signed now with a fresh nonce, and in safe mode encrypted. Sending the result twice
   * is what WeChat does when it retries: the same timestamp, nonce and body.
   */
  public Signed sign(String xml) {
    if (aesKey == null) {
      return new Signed(query(), xml);
    }
    return signEncrypted(WechatEnvelopes.encrypt(aesKey, appId, xml), "");
  }

  /**
   * A safe-mode request carrying {@code encrypted} as its {@code Encrypt} (whatever it holds),
   * signed as WeChat signs it; {@code plainFields} go before it (compatible mode sends the message
   * in the clear there too).
   */
  public Signed signEncrypted(String encrypted, String plainFields) {
    String query = query();
    String timestamp = param(query, "timestamp");
    String nonce = param(query, "nonce");
    return new Signed(
        query + "&encrypt_type=aes&msg_signature=" + sha1(token, timestamp, nonce, encrypted),
        "<xml><ToUserName><![CDATA["
            + ACCOUNT
            + "]]></ToUserName>"
            + plainFields
            + "<Encrypt><![CDATA["
            + encrypted
            + "]]></Encrypt></xml>");
  }

  /** A safe-mode request whose {@code Encrypt} cannot be decrypted, in the way {@code how} says. */
  public Signed signBroken(WechatEnvelopes.Broken how, String xml) {
    return signEncrypted(WechatEnvelopes.broken(how, aesKey, appId, xml), "");
  }

  /**
   * Compatible mode: {@code clear} (a message's XML) in the clear, then {@code encrypted} in the
   * {@code Encrypt} element. Only the encrypted one is authenticated.
   */
  public Signed signCompatible(String clear, String encrypted) {
    String fields = clear.replaceFirst("^<xml>", "").replaceFirst("</xml>$", "");
    return signEncrypted(WechatEnvelopes.encrypt(aesKey, appId, encrypted), fields);
  }

  /** signature, timestamp and nonce: now, and a nonce never used before. */
  private String query() {
    String timestamp = Long.toString(now());
    String nonce = Long.toString(NONCES.incrementAndGet());
    return "signature="
        + sha1(token, timestamp, nonce)
        + "&timestamp="
        + timestamp
        + "&nonce="
        + nonce;
  }

  private static String param(String query, String name) {
    Matcher m = Pattern.compile("(?:^|&)" + name + "=([^&]*)").matcher(query);
    return m.find() ? m.group(1) : "";
  }

  public Response send(Signed request) {
    return send(request.query(), request.body());
  }

  /** Posts {@code body} with {@code query} as it is (for forged and broken requests). */
  public Response send(String query, String body) {
    return send(query, body.getBytes(StandardCharsets.UTF_8));
  }

  private Response send(String query, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + "?" + query))
            .timeout(TIMEOUT)
            .header("Content-Type", "text/xml")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), reply(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** WeChat's URL check, signed now. */
  public Response verify(String echostr) {
    String query = query();
    return verify(
        param(query, "signature"), param(query, "timestamp"), param(query, "nonce"), echostr);
  }

  /** A GET as WeChat sends it to verify the URL. */
  public Response verify(String signature, String timestamp, String nonce, String echostr) {
    String query =
        "signature="
            + signature
            + "&timestamp="
            + timestamp
            + "&nonce="
            + nonce
            + "&echostr="
            + echostr;
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint + "?" + query)).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String signature(String timestamp, String nonce) {
    return sha1(token, timestamp, nonce);
  }

  /** The passive reply's text in {@code body}; in safe mode checked and decrypted first. */
  private String reply(String body) {
    return CallbackXml.replyText(body, aesKey == null ? null : this::decrypt);
  }

  private String decrypt(String body, String encrypted, String timestamp, String nonce) {
    String expected = sha1(token, timestamp, nonce, encrypted);
    if (!expected.equals(CallbackXml.signature(body))) {
      throw new IllegalStateException("the encrypted reply's signature is wrong: " + body);
    }
    return WechatEnvelopes.decrypt(aesKey, encrypted);
  }

  public static String sha1(String... parts) {
    String[] sorted = parts.clone();
    Arrays.sort(sorted);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
