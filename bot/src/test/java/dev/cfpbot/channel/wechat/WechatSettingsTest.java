package dev.cfpbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.config.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WechatSettingsTest {
  private static final Map<String, String> ENV =
      Map.of(
          "WECHAT_APP_ID", "wx123",
          "WECHAT_APP_SECRET", "s3cret-value",
          "WECHAT_TOKEN", "tokValue2027abcd");

  private static WechatConfig file(String appId, String apiUrl, List<String> organizers) {
    return new WechatConfig(appId, null, null, null, apiUrl, organizers, null, null, null);
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new java.util.HashMap<>(ENV);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void noAppId_channelIsOff() {
    assertThat(WechatSettings.resolve(null, Map.of())).isEmpty();
    assertThat(WechatSettings.resolve(file(" ", null, null), Map.of("WECHAT_APP_ID", "")))
        .isEmpty();
  }

  @Test
  void appIdWithoutToken_namesTheVariable() {
    assertThatThrownBy(
            () ->
                WechatSettings.resolve(
                    null, Map.of("WECHAT_APP_ID", "wx123", "WECHAT_APP_SECRET", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "WECHAT_TOKEN (or wechat.token) is not set; it is needed when WECHAT_APP_ID is");
  }

  @Test
  void appIdWithoutSecret_namesTheVariable() {
    assertThatThrownBy(
            () -> WechatSettings.resolve(null, Map.of("WECHAT_APP_ID", "wx", "WECHAT_TOKEN", "t")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("WECHAT_APP_SECRET (or wechat.app_secret) is not set");
  }

  @Test
  void defaults_plainModeThePublicApiEveryFollower() {
    WechatSettings s = WechatSettings.resolve(null, ENV).orElseThrow();

    assertThat(s.safeMode()).isFalse();
    assertThat(s.apiUrl()).isEqualTo("https://api.weixin.qq.com");
    assertThat(s.organizers()).isEmpty();
    assertThat(s.community()).isEqualTo("followers");
  }

  @Test
  void environment_overridesTheFile() {
    WechatSettings s =
        WechatSettings.resolve(
                file("wx-file", "https://proxy.example/", List.of("o-file")),
                env(
                    "WECHAT_API_URL", "http://127.0.0.1:9999/",
                    "WECHAT_ORGANIZERS", "o-1, o-2 o-3",
                    "WECHAT_ANNOUNCE_TAG", "134"))
            .orElseThrow();

    assertThat(s.appId()).isEqualTo("wx123");
    assertThat(s.apiUrl()).isEqualTo("http://127.0.0.1:9999");
    assertThat(s.organizers()).containsExactly("o-1", "o-2", "o-3");
    assertThat(s.community()).isEqualTo("tag:134");
  }

  @Test
  void fileValues_areUsedWithoutEnvironment() {
    WechatSettings s =
        WechatSettings.resolve(file("wx-file", "https://proxy.example", List.of("o-file")), env())
            .orElseThrow();

    assertThat(s.apiUrl()).isEqualTo("https://proxy.example");
    assertThat(s.organizers()).containsExactly("o-file");
  }

  @Test
  void aesKey_realKeysWithStrayBitsAreAccepted_othersRefused() {
    assertThat(
            WechatSettings.resolve(null, env("WECHAT_AES_KEY", WechatTestBot.AES_KEY))
                .orElseThrow()
                .safeMode())
        .isTrue();
    assertThatThrownBy(() -> WechatSettings.resolve(null, env("WECHAT_AES_KEY", "too-short")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("WECHAT_AES_KEY (or wechat.aes_key) is not an EncodingAESKey");
  }

  @Test
  void token_wechatWouldRefuseIt_isRefusedNamingTheVariableNotTheValue() {
    for (String token : new String[] {"ab", "a".repeat(33), "cfpbot-test-token", "令牌令牌令牌"}) {
      assertThatThrownBy(() -> WechatSettings.resolve(null, env("WECHAT_TOKEN", token)))
          .as(token)
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              "WECHAT_TOKEN (or wechat.token) is not a token WeChat accepts: use 3 to 32 letters"
                  + " and digits (the Token of the Official Account's server settings), 16 or"
                  + " more");
    }
  }

  @Test
  void token_threeToThirtyTwoLettersAndDigits_isAccepted() {
    for (String token : new String[] {"abc", "A1b2C3d4E5f6G7h8", "9".repeat(32)}) {
      assertThat(WechatSettings.resolve(null, env("WECHAT_TOKEN", token)).orElseThrow().token())
          .isEqualTo(token);
    }
  }

  @Test
  void token_shorterThanSixteen_isAcceptedWithAWarningThatKeepsItOut() {
    WechatSettings shortToken =
        WechatSettings.resolve(null, env("WECHAT_TOKEN", "abc123")).orElseThrow();
    WechatSettings longToken = WechatSettings.resolve(null, ENV).orElseThrow();

    assertThat(shortToken.warnings())
        .containsExactly(
            "WECHAT_TOKEN has only 6 characters: use 16 to 32 letters and digits, so that it"
                + " cannot be guessed (change it in the Official Account's server settings and"
                + " here together)");
    assertThat(longToken.warnings()).isEmpty();
  }

  @Test
  void badApiUrlOrTag_isRefused() {
    assertThatThrownBy(() -> WechatSettings.resolve(null, env("WECHAT_API_URL", "api.weixin")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("WECHAT_API_URL (or wechat.api_url): 'api.weixin' is not a web address");
    assertThatThrownBy(() -> WechatSettings.resolve(null, env("WECHAT_ANNOUNCE_TAG", "speakers")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a tag id");
  }

  @Test
  void toString_keepsTheSecretsOut() {
    String text =
        WechatSettings.resolve(null, env("WECHAT_AES_KEY", WechatTestBot.AES_KEY))
            .orElseThrow()
            .toString();

    assertThat(text).contains("wx123").doesNotContain("s3cret", "tokValue2027", "abcdefghij");
  }
}
