package dev.cfpbot.channel.wechat;

import java.util.List;
import java.util.Map;

/**
 * The WeChat Official Account channel's keys in the config file; each has an environment variable
 * that overrides it (see the WeChat channel's settings). Secrets belong in the environment.
 *
 * @param templateId the template message used when a customer-service message is refused
 * @param templateFields template field name to placeholder text, e.g. {@code first: "{title}"}
 * @param announceTag the tag (user group) announcements are mass-sent to; all followers when unset
 */
public record WechatConfig(
    String appId,
    String appSecret,
    String token,
    String aesKey,
    String apiUrl,
    List<String> organizers,
    String templateId,
    Map<String, String> templateFields,
    String announceTag) {

  @Override
  public String toString() {
    return "WechatConfig[appId=" + appId + "]";
  }
}
