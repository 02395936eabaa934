package dev.cfpbot.testkit.wechat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The XML of WeChat's callbacks, as WeChat writes them, and of the bot's passive replies. */
public final class CallbackXml {
  public static final String ACCOUNT = "gh_cfpbot";
  private static final Pattern CONTENT =
      Pattern.compile("<Content><!\\[CDATA\\[(.*)]]></Content>", Pattern.DOTALL);
  private static final Pattern ENCRYPT =
      Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>");
  private static final Pattern SIGNATURE =
      Pattern.compile("<MsgSignature><!\\[CDATA\\[(.*?)]]></MsgSignature>");
  private static final Pattern TIMESTAMP = Pattern.compile("<TimeStamp>(?:<!\\[CDATA\\[)?(\\d+)");
  private static final Pattern NONCE = Pattern.compile("<Nonce><!\\[CDATA\\[(.*?)]]></Nonce>");
  private static final AtomicLong MSG_IDS = new AtomicLong(24_000_000_000_000_000L);

  /** Opens a safe-mode reply: checks its signature and decrypts its {@code Encrypt}. */
  @FunctionalInterface
  interface Decryption {
    String open(String body, String encrypted, String timestamp, String nonce);
  }

  private CallbackXml() {}

  /** A MsgId never used before in this JVM. */
  public static long nextMsgId() {
    return MSG_IDS.incrementAndGet();
  }

  public static String text(String openid, String text, long msgId, long createTime) {
    return message(
        openid,
        createTime,
        "text",
        "<Content><![CDATA[" + text + "]]></Content><MsgId>" + msgId + "</MsgId>");
  }

  public static String event(String openid, String event, String key, long createTime) {
    return message(
        openid,
        createTime,
        "event",
        "<Event><![CDATA["
            + event
            + "]]></Event>"
            + (key == null ? "" : "<EventKey><![CDATA[" + key + "]]></EventKey>"));
  }

  /**
   * A message of {@code type} from {@code openid} to the account: the envelope, then {@code fields}
   * (the type's own elements, e.g. a photo's PicUrl and MediaId).
   */
  public static String message(String openid, long createTime, String type, String fields) {
    return "<xml><ToUserName><![CDATA["
        + ACCOUNT
        + "]]></ToUserName><FromUserName><![CDATA["
        + openid
        + "]]></FromUserName><CreateTime>"
        + createTime
        + "</CreateTime><MsgType><![CDATA["
        + type
        + "]]></MsgType>"
        + fields
        + "</xml>";
  }

  /**
   * The text of a passive reply; null when the body is none. With {@code decryption} (safe mode),
   * an encrypted reply is opened first.
   */
  static String replyText(String body, Decryption decryption) {
    if (body == null || !body.startsWith("<xml>")) {
      return null;
    }
    String xml = body;
    Matcher encrypted = ENCRYPT.matcher(body);
    if (decryption != null && encrypted.find()) {
      xml = decryption.open(body, encrypted.group(1), find(TIMESTAMP, body), find(NONCE, body));
    }
    Matcher content = CONTENT.matcher(xml);
    return content.find() ? content.group(1).replace("]]]]><![CDATA[>", "]]>") : null;
  }

  /** The {@code MsgSignature} of an encrypted reply. */
  static String signature(String body) {
    return find(SIGNATURE, body);
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : "";
  }
}
