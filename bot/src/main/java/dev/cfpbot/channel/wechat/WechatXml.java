package dev.cfpbot.channel.wechat;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.util.xml.XStreamTransformer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reading WeChat's callback XML safely, and writing passive replies. WeChat never sends a document
 * type: any {@code <!DOCTYPE}, {@code <!ENTITY} or other declaration is refused before a parser
 * sees the text, so no external entity is ever resolved.
 */
final class WechatXml {
  /** WeChat's messages are a few kilobytes; anything past this is refused unread. */
  static final int MAX_BODY = 64 * 1024;

  private WechatXml() {}

  /**
   * A parser per request thread, made once: finding the JDK's factory and building a parser took
   * longer than parsing a safe-mode envelope (half of the check's CPU under load). Reset before
   * each use; a DocumentBuilder is not safe to share between threads.
   */
  private static final ThreadLocal<DocumentBuilder> BUILDERS =
      ThreadLocal.withInitial(WechatXml::newBuilder);

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      factory.setXIncludeAware(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
    }
  }

  /**
   * Whether {@code xml} holds a markup declaration ({@code <!DOCTYPE}, {@code <!ENTITY}...).
   * Comments and CDATA sections are skipped whole: a speaker may well write "<!DOCTYPE" in a
   * message, and WeChat delivers it inside CDATA.
   */
  static boolean hasDeclarations(String xml) {
    int i = 0;
    while ((i = xml.indexOf("<!", i)) >= 0) {
      if (xml.startsWith("<![CDATA[", i)) {
        int end = xml.indexOf("]]>", i);
        i = end < 0 ? xml.length() : end + 3;
      } else if (xml.startsWith("<!--", i)) {
        int end = xml.indexOf("-->", i);
        i = end < 0 ? xml.length() : end + 3;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a sample message once: weixin-java's XStream takes a second or more to set itself up,
   * which the first speaker's passive reply should not have to wait for.
   */
  static void warmUp() {
    message(
        textReply("o-warm-up", "gh_warm_up", 0, "warm up")
            .replace("<xml>", "<xml><MsgId>1</MsgId>"));
  }

  /**
   * A plain message, as weixin-java reads it. Not through {@code WxMpXmlMessage.fromXml}, which
   * parses the text a second time (dom4j, with a new SAX parser each time) only to fill a map of
   * every field that nothing here reads: that was a sixth of the bot's CPU per callback under load.
   * The rest is what fromXml does.
   */
  static WxMpXmlMessage message(String xml) {
    if (hasDeclarations(xml)) {
      throw new IllegalArgumentException("declarations are not allowed");
    }
    try {
      WxMpXmlMessage message =
          XStreamTransformer.fromXml(WxMpXmlMessage.class, xml.replace("</PicList><PicList>", ""));
      if (message == null || message.getMsgType() == null || message.getFromUser() == null) {
        throw new IllegalArgumentException("not a WeChat message");
      }
      return message;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("unreadable XML", e);
    }
  }

  /** The {@code Encrypt} element of a safe-mode envelope. */
  static String encrypted(String xml) {
    if (hasDeclarations(xml)) {
      throw new IllegalArgumentException("declarations are not allowed");
    }
    try {
      DocumentBuilder builder = BUILDERS.get();
      builder.reset();
      builder.setErrorHandler(new DefaultHandler()); // quiet: the exception says it all
      Element root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
      NodeList found = root.getElementsByTagName("Encrypt");
      String value = found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
      if (value.isEmpty()) {
        throw new IllegalArgumentException("no Encrypt element");
      }
      return value;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("unreadable XML", e);
    }
  }

  /**
   * A passive text reply. Written here rather than by weixin-java, whose CDATA sections break on a
   * text that contains {@code ]]>} (a speaker's answer echoed in a summary could).
   */
  static String textReply(String toUser, String fromUser, long createTime, String content) {
    return "<xml><ToUserName>"
        + cdata(toUser)
        + "</ToUserName><FromUserName>"
        + cdata(fromUser)
        + "</FromUserName><CreateTime>"
        + createTime
        + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>"
        + cdata(content)
        + "</Content></xml>";
  }

  /** A safe-mode reply's envelope around its {@code Encrypt} value, as WeChat expects it. */
  static String envelope(String encrypted, String signature, String timestamp, String nonce) {
    return "<xml><Encrypt>"
        + cdata(encrypted)
        + "</Encrypt><MsgSignature>"
        + cdata(signature)
        + "</MsgSignature><TimeStamp>"
        + timestamp
        + "</TimeStamp><Nonce>"
        + cdata(nonce)
        + "</Nonce></xml>";
  }

  private static String cdata(String text) {
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
  }
}
