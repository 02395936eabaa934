package dev.cfpbot.channel.wechat;

import dev.cfpbot.config.ConfigException;
import dev.cfpbot.config.EnvOverFile;
import dev.cfpbot.config.Section;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WeChat channel's settings: the config file's {@code wechat:} keys with the environment's
 * overrides. Secrets are never printed.
 *
 * @param aesKey the EncodingAESKey; with it, safe-mode (encrypted) callbacks are understood
 * @param apiUrl where the WeChat API is: the public host, a proxy, or a fake in tests
 * @param organizers the openids of the organizers (alerts, digests, organizer commands)
 * @param announceTag the tag id announcements go to; null: every follower
 */
public record WechatSettings(
    String appId,
    String appSecret,
    String token,
    String aesKey,
    String apiUrl,
    List<String> organizers,
    String templateId,
    Map<String, String> templateFields,
    String announceTag) {

  public static final String APP_ID = "WECHAT_APP_ID";
  public static final String APP_SECRET = "WECHAT_APP_SECRET";
  public static final String TOKEN = "WECHAT_TOKEN";
  public static final String AES_KEY = "WECHAT_AES_KEY";
  public static final String API_URL = "WECHAT_API_URL";
  public static final String ORGANIZERS = "WECHAT_ORGANIZERS";
  public static final String TEMPLATE_ID = "WECHAT_TEMPLATE_ID";
  public static final String ANNOUNCE_TAG = "WECHAT_ANNOUNCE_TAG";
  public static final String DEFAULT_API_URL = "https://api.weixin.qq.com";

  /** Below this many characters a token is accepted, with a warning. */
  static final int GOOD_TOKEN_LENGTH = 16;

  public WechatSettings {
    organizers = List.copyOf(organizers);
    templateFields = templateFields == null ? Map.of() : Map.copyOf(templateFields);
  }

  /** The settings of the file's {@code wechat:} section and the environment over it. */
  public static Optional<WechatSettings> resolve(Section section) {
    return resolve(section.bind(WechatConfig.class), section.env());
  }

  /** The settings, or empty when no app id is set (the channel is off). */
  public static Optional<WechatSettings> resolve(WechatConfig file, Map<String, String> env) {
    return resolve(file, new EnvOverFile(env));
  }

  private static Optional<WechatSettings> resolve(WechatConfig file, EnvOverFile env) {
    WechatConfig f =
        file != null
            ? file
            : new WechatConfig(null, null, null, null, null, null, null, null, null);
    String appId = env.value(APP_ID, f.appId());
    if (appId == null) {
      return Optional.empty();
    }
    String secret = required(env.value(APP_SECRET, f.appSecret()), APP_SECRET, "app_secret");
    String token = required(env.value(TOKEN, f.token()), TOKEN, "token");
    if (!token.matches("[A-Za-z0-9]{3,32}")) {
      // What WeChat's server settings accept: a token it would refuse could never be configured.
      throw new ConfigException(
          TOKEN
              + " (or wechat.token) is not a token WeChat accepts: use 3 to 32 letters and digits"
              + " (the Token of the Official Account's server settings), 16 or more");
    }
    String aesKey = env.value(AES_KEY, f.aesKey());
    if (aesKey != null && aesKeyBytes(aesKey).length != 32) {
      throw new ConfigException(
          AES_KEY
              + " (or wechat.aes_key) is not an EncodingAESKey: expected the 43 letters and digits"
              + " shown in the Official Account's server settings");
    }
    String apiUrl = env.value(API_URL, f.apiUrl(), DEFAULT_API_URL).replaceAll("/+$", "");
    URI api = URI.create(apiUrl);
    if (api.getScheme() == null || !api.getScheme().startsWith("http") || api.getHost() == null) {
      throw new ConfigException(
          API_URL + " (or wechat.api_url): '" + apiUrl + "' is not a web address");
    }
    List<String> organizers = env.list(ORGANIZERS, f.organizers());
    String tag = env.value(ANNOUNCE_TAG, f.announceTag());
    if (tag != null && !tag.matches("\\d{1,12}")) {
      throw new ConfigException(
          ANNOUNCE_TAG + " (or wechat.announce_tag): '" + tag + "' is not a tag id (a number)");
    }
    return Optional.of(
        new WechatSettings(
            appId,
            secret,
            token,
            aesKey,
            apiUrl,
            organizers,
            env.value(TEMPLATE_ID, f.templateId()),
            f.templateFields(),
            tag));
  }

  /** Whether encrypted (safe-mode) callbacks can be read. */
  public boolean safeMode() {
    return aesKey != null;
  }

  /** What is accepted but should be changed: said in the log at start. */
  public List<String> warnings() {
    if (token.length() >= GOOD_TOKEN_LENGTH) {
      return List.of();
    }
    return List.of(
        TOKEN
            + " has only "
            + token.length()
            + " characters: use "
            + GOOD_TOKEN_LENGTH
            + " to 32 letters and digits, so that it cannot be guessed (change it in the Official"
            + " Account's server settings and here together)");
  }

  /** Where announcements go: every follower, or one tag. */
  public String community() {
    return announceTag == null ? WechatSender.FOLLOWERS : WechatSender.TAG + announceTag;
  }

  /**
   * The key's bytes. WeChat's keys are 43 base64 characters whose last one often carries stray low
   * bits; the JDK decoder ignores them, as WeChat's own sample code does.
   */
  static byte[] aesKeyBytes(String key) {
    try {
      return key.length() == 43 ? Base64.getDecoder().decode(key + "=") : new byte[0];
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  @Override
  public String toString() {
    return "WechatSettings[appId=" + appId + ", safeMode=" + safeMode() + ", api=" + apiUrl + "]";
  }

  private static String required(String value, String variable, String key) {
    if (value == null) {
      throw new ConfigException(
          variable + " (or wechat." + key + ") is not set; it is needed when " + APP_ID + " is");
    }
    return value;
  }
}
