package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
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
