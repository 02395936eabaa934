package dev.cfpbot.channel.wechat;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
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
      // Nodes made as the text is read, not "deferred" in tables of 256 entries: WeChat's
      // documents are a dozen elements, and read through, which then allocated three times
      // as much (15 KB a message) and took longer.
      factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
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
   * Reads a sample message once, so that the first speaker's passive reply does not wait for the
   * JDK's XML parser to load.
   */
  static void warmUp() {
    message(
        textReply("o-warm-up", "gh_warm_up", 0, "warm up")
            .replace("<xml>", "<xml><MsgId>1</MsgId>"));
  }

  /**
   * A plain message: the elements of WeChat's callback that the bot reads, in weixin-java's bean.
   * Read with the JDK's parser, not weixin-java's XStream: setting XStream up loads the rules of
   * every time zone the JDK knows (its start-up test parses a date with a zone name), which stay in
   * the heap for good, with 540 classes of its own: about 8 MB of a small bot's memory, measured.
   * As XStream did, other elements are ignored, and a number that is not one or an element given
   * twice makes the message unreadable.
   */
  static WxMpXmlMessage message(String xml) {
    Element root = document(xml);
    WxMpXmlMessage message = new WxMpXmlMessage();
    Set<String> seen = new HashSet<>();
    try {
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && read(message, e.getTagName(), e.getTextContent())) {
          if (!seen.add(e.getTagName())) {
            throw new IllegalArgumentException("unreadable XML: " + e.getTagName() + " twice");
          }
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unreadable XML", e);
    }
    if (message.getMsgType() == null || message.getFromUser() == null) {
      throw new IllegalArgumentException("not a WeChat message");
    }
    return message;
  }

  /** Sets the field that {@code element} holds; false for an element the bot does not read. */
  private static boolean read(WxMpXmlMessage m, String element, String text) {
    switch (element) {
      case "ToUserName" -> m.setToUser(text);
      case "FromUserName" -> m.setFromUser(text);
      case "CreateTime" -> m.setCreateTime(Long.valueOf(text));
      case "MsgType" -> m.setMsgType(text);
      case "Content" -> m.setContent(text);
      case "MsgId" -> m.setMsgId(Long.valueOf(text));
      case "Url" -> m.setUrl(text);
      case "Title" -> m.setTitle(text);
      case "Event" -> m.setEvent(text);
      case "EventKey" -> m.setEventKey(text);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The {@code Encrypt} element of a safe-mode envelope. */
  static String encrypted(String xml) {
    NodeList found = document(xml).getElementsByTagName("Encrypt");
    String value = found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("no Encrypt element");
    }
    return value;
  }

  /** The root element of {@code xml}; refused when it has declarations or is not well formed. */
  private static Element document(String xml) {
    if (hasDeclarations(xml)) {
      throw new IllegalArgumentException("declarations are not allowed");
    }
    try {
      DocumentBuilder builder = BUILDERS.get();
      builder.reset();
      builder.setErrorHandler(new DefaultHandler()); // quiet: the exception says it all
      return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
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
