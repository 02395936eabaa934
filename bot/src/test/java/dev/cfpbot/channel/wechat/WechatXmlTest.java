package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;

class WechatXmlTest {

  @Test
  void declarations_areFound_commentsAndCdataAreNot() {
    assertThat(WechatXml.hasDeclarations("<!DOCTYPE xml><xml/>")).isTrue();
    assertThat(WechatXml.hasDeclarations("<xml><!entity x 'y'></xml>")).isTrue();
    assertThat(WechatXml.hasDeclarations("<xml><!-- <!x --><a><![CDATA[<!DOCTYPE]]></a></xml>"))
        .isFalse();
    assertThat(WechatXml.hasDeclarations("<xml><a><![CDATA[x]]></a><!ENTITY y></xml>")).isTrue();
  }

  @Test
  void textReply_keepsATextWithCdataEndIntact() {
    String xml = WechatXml.textReply("o-1", "gh_1", 1700000000, "a ]]> <MsgType>b");

    assertThat(xml)
        .isEqualTo(
            "<xml><ToUserName><![CDATA[o-1]]></ToUserName><FromUserName><![CDATA[gh_1]]>"
                + "</FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]>"
                + "</MsgType><Content><![CDATA[a ]]]]><![CDATA[> <MsgType>b]]></Content></xml>");
    assertThat(WechatXml.message(xml.replace("<xml>", "<xml><MsgId>1</MsgId>")).getContent())
        .isEqualTo("a ]]> <MsgType>b");
  }

  @Test
  void message_readsTheFieldsTheBotUses_andIgnoresTheRest() {
    WxMpXmlMessage text =
        WechatXml.message(
            "<xml><ToUserName><![CDATA[gh_1]]></ToUserName>"
                + "<FromUserName><![CDATA[o-1]]></FromUserName><CreateTime>1700000000</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[ 你好 <b> ]]></Content>"
                + "<MsgId>24000000000000001</MsgId><PicUrl>x</PicUrl><Unknown><A>y</A></Unknown>"
                + "<Unknown>z</Unknown></xml>");

    assertThat(
            List.of(
                text.getToUser(),
                text.getFromUser(),
                text.getCreateTime(),
                text.getMsgType(),
                text.getContent(),
                text.getMsgId()))
        .containsExactly("gh_1", "o-1", 1700000000L, "text", " 你好 <b> ", 24000000000000001L);
  }

  @Test
  void message_readsEventsAndLinks() {
    WxMpXmlMessage click =
        WechatXml.message(
            "<xml><ToUserName>gh_1</ToUserName><FromUserName>o-2</FromUserName>"
                + "<CreateTime>1</CreateTime><MsgType>event</MsgType><Event>CLICK</Event>"
                + "<EventKey><![CDATA[CFP_SUBMIT]]></EventKey></xml>");
    WxMpXmlMessage link =
        WechatXml.message(
            "<xml><FromUserName>o-3</FromUserName><MsgType>link</MsgType>"
                + "<Title>Slides</Title><Url>https://example.org/s</Url><MsgId>7</MsgId></xml>");

    assertThat(List.of(click.getEvent(), click.getEventKey(), click.getMsgId() == null))
        .containsExactly("CLICK", "CFP_SUBMIT", true);
    assertThat(
            List.of(link.getTitle(), link.getUrl(), link.getMsgId(), link.getCreateTime() == null))
        .containsExactly("Slides", "https://example.org/s", 7L, true);
  }

  @Test
  void message_refusesWhatIsNotAWeChatMessage_sayingWhy() {
    String ok = "<FromUserName>o-1</FromUserName><MsgType>text</MsgType>";

    assertThatThrownBy(() -> WechatXml.message("<!DOCTYPE x><xml>" + ok + "</xml>"))
        .hasMessage("declarations are not allowed");
    assertThatThrownBy(() -> WechatXml.message("<xml>" + ok)).hasMessage("unreadable XML");
    assertThatThrownBy(
            () -> WechatXml.message("<xml>" + ok + "<CreateTime>soon</CreateTime></xml>"))
        .hasMessage("unreadable XML");
    assertThatThrownBy(
            () -> WechatXml.message("<xml>" + ok + "<MsgId>99999999999999999999</MsgId></xml>"))
        .hasMessage("unreadable XML");
    assertThatThrownBy(() -> WechatXml.message("<xml>" + ok + "<MsgType>event</MsgType></xml>"))
        .hasMessage("unreadable XML: MsgType twice");
    assertThatThrownBy(() -> WechatXml.message("<xml><MsgType>text</MsgType></xml>"))
        .hasMessage("not a WeChat message");
    assertThatThrownBy(() -> WechatXml.message("<xml><FromUserName>o-1</FromUserName></xml>"))
        .hasMessage("not a WeChat message");
  }

  @Test
  void encrypted_readsTheEnvelope_andRefusesOthers() {
    assertThat(
            WechatXml.encrypted(
                "<xml><ToUserName>x</ToUserName><Encrypt><![CDATA[QUJD]]></Encrypt></xml>"))
        .isEqualTo("QUJD");
    assertThatThrownBy(() -> WechatXml.encrypted("<xml><ToUserName>x</ToUserName></xml>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WechatXml.encrypted("<xml><Encrypt>"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void templateValues_areFilledAndShortenedBetweenCharacters() {
    TemplateFallback fallback =
        new TemplateFallback(
            "tmpl",
            Map.of("first", "{title}", "keyword1", "{kind} {time}"),
            java.time.Clock.fixed(
                java.time.Instant.parse("2027-10-20T04:00:00Z"), java.time.ZoneOffset.UTC),
            java.time.ZoneId.of("Asia/Shanghai"));
    var message =
        new dev.cfpbot.channel.Outbound(
            "id-1", "wechat", "o-1", "alert", "😀".repeat(300) + "\nrest", null, false, null, null);

    Map<String, String> data = fallback.data(message);

    assertThat(data.get("keyword1")).isEqualTo("alert 2027-10-20 12:00");
    assertThat(data.get("first")).isEqualTo("😀".repeat(199) + "…");
  }

  @Test
  void mask_hidesAccessTokens() {
    assertThat(WechatSender.mask("GET /cgi-bin/x?access_token=abc123&y=1 failed"))
        .isEqualTo("GET /cgi-bin/x?access_token=***&y=1 failed");
  }
}
