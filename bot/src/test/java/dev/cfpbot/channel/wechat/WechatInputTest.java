package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testkit.wechat.CallbackXml;
import dev.cfpbot.testkit.wechat.WechatClient;
import dev.cfpbot.testkit.wechat.WechatClient.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What followers send that is not plain good text, through /wechat over real HTTP. */
@ExtendWith(StorageExtension.class)
class WechatInputTest {
  static final String NOT_TEXT = "这个问题请用文字回答（我看不懂图片、语音或表情）。";
  static final String NAME_QUESTION = "(1/7) 请问怎么称呼你？（姓名）";
  static final String BIO_QUESTION = "(2/7) 请简单介绍一下自己：在哪里工作、做什么，和 Docker 有什么故事。";
  static final String GARBLED = "这条消息里有无法识别的字符（可能在传输中出了错），没有保存。请重新输入后再发一次。\n例如：张三";

  @TempDir Path dataDir;

  /** A bot in plain mode, talked to in the clear (a test account's mode). */
  private WechatTestBot t;

  /** A bot in safe mode (WECHAT_AES_KEY set): it takes encrypted messages only. */
  private WechatTestBot safe;

  @BeforeEach
  void start(TestDatabases databases) {
    t = WechatTestBot.plainMode(databases, dataDir.resolve("plain"));
    safe = new WechatTestBot(databases, dataDir.resolve("safe"));
  }

  @AfterEach
  void stop() {
    t.close();
    safe.close();
  }

  private static long answers(WechatTestBot bot) {
    return bot.in(tx -> tx.count("count answers", "select count(*) from answers"));
  }

  /** A message of {@code type} (image, voice, video, location...) as WeChat sends it. */
  private static String mediaXml(String openid, String type, long createTime) {
    String body =
        switch (type) {
          case "location" ->
              "<Location_X>23.13</Location_X><Location_Y>113.26</Location_Y><Scale>15</Scale>"
                  + "<Label><![CDATA[广州]]></Label>";
          case "voice" -> "<MediaId><![CDATA[media-1]]></MediaId><Format><![CDATA[amr]]></Format>";
          default ->
              "<PicUrl><![CDATA[http://mmbiz.example/pic]]></PicUrl>"
                  + "<MediaId><![CDATA[media-1]]></MediaId>";
        };
    return CallbackXml.message(
        openid, createTime, type, body + "<MsgId>" + WechatClient.nextMsgId() + "</MsgId>");
  }

  /** A text message whose content is {@code before}, then {@code raw} bytes, then {@code after}. */
  private byte[] textWithBytes(String openid, String before, byte[] raw, String after) {
    String xml = WechatClient.textXml(openid, "\u0000", WechatClient.nextMsgId(), t.plain.now());
    String[] halves = xml.split("\u0000");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((halves[0] + before).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(raw);
    out.writeBytes((after + halves[1]).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void image_whereTextIsExpected_getsAnswerInText_andTheQuestion_inOnePassiveReply() {
    t.plain.text("o-alice", "投稿");

    for (String type : new String[] {"image", "voice"}) {
      Response reply = t.plain.post(mediaXml("o-alice", type, t.plain.now()));

      assertThat(reply.reply()).isEqualTo(NOT_TEXT + "\n\n" + NAME_QUESTION);
    }
    assertThat(answers(t)).isZero();
    t.plain.text("o-alice", "张三");
    assertThat(t.plain.post(mediaXml("o-alice", "location", t.plain.now())).reply())
        .isEqualTo(NOT_TEXT + "\n\n" + BIO_QUESTION);
    assertThat(answers(t)).isEqualTo(1);
  }

  @Test
  void invalidUtf8_inPlainAndSafeMode_isRefusedWithTheReason_andNotStored() {
    byte[][] garbled = {{(byte) 0xE4, (byte) 0xB8}, {(byte) 0xFF, (byte) 0xFE}};
    WechatClient[] clients = {t.plain, safe.safe};
    for (int i = 0; i < clients.length; i++) {
      String openid = "o-follower-" + i;
      clients[i].text(openid, "投稿");

      Response reply = clients[i].post(textWithBytes(openid, "张", garbled[i], "三"));

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.reply()).isEqualTo(GARBLED);
    }
    assertThat(answers(t)).isZero();
    assertThat(answers(safe)).isZero();
  }
}
