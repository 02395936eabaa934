package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.Sender;
import dev.cfpbot.conversation.Content;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * WeChat's callback messages in the bot's terms. A message that is nobody talking to the bot (an
 * unfollow, a location report, a template or mass-send receipt) becomes nothing.
 */
final class WechatInbound {
  /** The custom menu's click keys, and the words the engine knows them by. */
  static final Map<String, String> MENU =
      Map.of("CFP_SUBMIT", "我要投稿", "CFP_STATUS", "我的投稿", "CFP_ABOUT", "活动信息");

  private WechatInbound() {}

  /**
   * The inbound message for {@code m}, or empty when there is nothing to answer.
   *
   * @param now when the callback arrived, for messages without a time
   */
  static Optional<Inbound> of(WxMpXmlMessage m, Instant now) {
    String type = m.getMsgType().toLowerCase(Locale.ROOT);
    Optional<Content> content = type.equals("event") ? event(m) : Optional.of(message(type, m));
    if (content.isEmpty()) {
      return Optional.empty();
    }
    String openid = m.getFromUser();
    Instant sent = m.getCreateTime() == null ? now : Instant.ofEpochSecond(m.getCreateTime());
    return Optional.of(
        new Inbound(
            WechatChannel.NAME,
            openid,
            externalId(m),
            new Sender(openid, displayName(openid), null),
            true,
            content.get(),
            sent,
            true));
  }

  /** Whether {@code m} is someone asking for their own openid ({@code /openid}). */
  static boolean asksForOpenid(WxMpXmlMessage m) {
    return "text".equalsIgnoreCase(m.getMsgType())
        && m.getContent() != null
        && m.getContent().strip().equalsIgnoreCase("/openid");
  }

  /**
   * WeChat's id of the message: its MsgId; events have none, and WeChat's documentation names them
   * by sender and time (the event's name is added so that two kinds in one second differ).
   */
  static String externalId(WxMpXmlMessage m) {
    if (m.getMsgId() != null && !"event".equalsIgnoreCase(m.getMsgType())) {
      return "msg:" + m.getMsgId();
    }
    return "event:" + m.getFromUser() + ":" + m.getCreateTime() + ":" + m.getEvent();
  }

  private static Content message(String type, WxMpXmlMessage m) {
    return switch (type) {
      case "text" -> new Content.Text(m.getContent() == null ? "" : m.getContent());
      case "link" -> new Content.Link(m.getUrl(), m.getTitle());
      case "image" -> new Content.Unsupported("photo");
      case "voice" -> new Content.Unsupported("voice");
      case "video", "shortvideo" -> new Content.Unsupported("video");
      case "location" -> new Content.Unsupported("location");
      default -> new Content.Unsupported(type);
    };
  }

  private static Optional<Content> event(WxMpXmlMessage m) {
    String event = m.getEvent() == null ? "" : m.getEvent().toLowerCase(Locale.ROOT);
    return switch (event) {
      // Following through a QR code is a subscribe event too (with a scene key).
      case "subscribe" -> Optional.of(new Content.Followed());
      case "click" ->
          Optional.ofNullable(MENU.get(m.getEventKey())).map(word -> new Content.Text(word));
      default -> Optional.empty();
    };
  }

  /** An openid is not a name: organizers see the end of it, enough to tell two people apart. */
  private static String displayName(String openid) {
    return "WeChat …" + openid.substring(Math.max(0, openid.length() - 6));
  }
}
