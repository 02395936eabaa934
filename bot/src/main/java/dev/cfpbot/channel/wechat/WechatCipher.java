package dev.cfpbot.channel.wechat;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Safe mode's AES: WeChat's own scheme as weixin-java implements it ({@link #decrypt(String)} for a
 * callback's {@code Encrypt}, {@link #encrypt(String)} for a reply envelope). Only the key is set
 * here: the library decodes keys with a strict base64 decoder that refuses most real
 * EncodingAESKeys (their last character carries stray bits).
 */
final class WechatCipher extends WxCryptUtil {

  WechatCipher(String token, String encodingAesKey, String appId) {
    this.token = token;
    this.aesKey = WechatSettings.aesKeyBytes(encodingAesKey);
    this.appidOrCorpid = appId;
  }
}
