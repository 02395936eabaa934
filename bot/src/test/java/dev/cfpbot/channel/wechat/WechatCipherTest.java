package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.testkit.wechat.WechatClient;
import dev.cfpbot.testkit.wechat.WechatEnvelopes;
import dev.cfpbot.testkit.wechat.WechatEnvelopes.Broken;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Safe mode's AES against WeChat's scheme written independently, and against broken envelopes. */
class WechatCipherTest {
  private static final String APP_ID = "wx-app";
  private static final String XML = "<xml><Content><![CDATA[你好 ]]></Content></xml>";
  private static final byte[] KEY = WechatEnvelopes.key(WechatTestBot.AES_KEY);
  private final WechatCipher cipher = new WechatCipher("tok", WechatTestBot.AES_KEY, APP_ID);

  @Test
  void decrypt_readsWhatWechatEncrypts_withAKeyWhoseLastCharacterHasStrayBits() {
    assertThat(cipher.decrypt(WechatEnvelopes.encrypt(KEY, APP_ID, XML))).isEqualTo(XML);
  }

  @Test
  void encrypt_isReadByWechat_andEveryMessageLengthRoundTrips() {
    assertThat(WechatEnvelopes.decrypt(KEY, cipher.encrypt(XML))).isEqualTo(XML);
    for (int length = 0; length <= 70; length++) {
      String text = "x".repeat(length);
      assertThat(cipher.decrypt(cipher.encrypt(text))).isEqualTo(text);
    }
  }

  @Test
  void seal_signsTheEncryptedReplyWithItsTimestampAndNonce() {
    String envelope = cipher.seal(XML, 1_824_000_000L);

    Matcher m =
        Pattern.compile(
                "<xml><Encrypt><!\\[CDATA\\[([A-Za-z0-9+/=]+)]]></Encrypt><MsgSignature><!\\[CDATA\\["
                    + "([0-9a-f]{40})]]></MsgSignature><TimeStamp>1824000000</TimeStamp><Nonce>"
                    + "<!\\[CDATA\\[(\\d{9})]]></Nonce></xml>")
            .matcher(envelope);
    assertThat(m.matches()).as(envelope).isTrue();
    assertThat(m.group(2))
        .isEqualTo(WechatClient.sha1("tok", "1824000000", m.group(3), m.group(1)));
    assertThat(WechatEnvelopes.decrypt(KEY, m.group(1))).isEqualTo(XML);
  }

  @ParameterizedTest
  @EnumSource(Broken.class)
  void decrypt_brokenEnvelope_failsWithoutReadingPastItsChecks(Broken how) {
    String encrypted = WechatEnvelopes.broken(how, KEY, APP_ID, XML);

    assertThatThrownBy(() -> cipher.decrypt(encrypted))
        .isInstanceOf(WechatDecryptException.class)
        .hasMessage(expectedReason(how))
        .message()
        .doesNotContain("你好");
  }

  private static String expectedReason(Broken how) {
    return switch (how) {
      case OTHER_KEY, PADDING_ZERO, PADDING_OVER_32, PADDING_BYTES_DIFFER ->
          "bad padding (another key?)";
      case OTHER_APP_ID -> "encrypted for another AppID";
      case NOT_BASE64 -> "not base64";
      case NOT_WHOLE_BLOCKS -> "not whole AES blocks (40 bytes)";
      case SHORTER_THAN_TWO_BLOCKS -> "not whole AES blocks (16 bytes)";
      case LENGTH_BEYOND_THE_MESSAGE, LENGTH_HUGE, LENGTH_NEGATIVE ->
          "the length field does not fit the message (another key?)";
    };
  }

  @Test
  void decrypt_longerThanAnyBody_isRefusedBeforeDecoding() {
    String huge = "A".repeat(WechatXml.MAX_BODY + 4);

    assertThatThrownBy(() -> cipher.decrypt(huge))
        .isInstanceOf(WechatDecryptException.class)
        .hasMessage("longer than any message");
  }

  @Test
  void decrypt_appIdThatIsAPrefixOrExtensionOfOurs_isRefused() {
    for (String other : new String[] {"wx-ap", "wx-app1", "WX-APP", ""}) {
      String encrypted = WechatEnvelopes.encrypt(KEY, other, XML);

      assertThatThrownBy(() -> cipher.decrypt(encrypted))
          .as(other)
          .isInstanceOf(WechatDecryptException.class);
    }
  }
}
