package dev.cfpbot.channel.wechat;

/**
 * A safe-mode message could not be decrypted: another key or AppID, or an envelope that is
 * truncated, padded wrongly or whose length field lies. The message says which check failed and
 * nothing of the content.
 */
final class WechatDecryptException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WechatDecryptException(String why) {
    super(why);
  }
}
