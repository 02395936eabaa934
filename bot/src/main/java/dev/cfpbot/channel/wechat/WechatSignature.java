package dev.cfpbot.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import me.chanjar.weixin.common.util.crypto.SHA1;

/**
 * WeChat's callback signatures: the SHA-1 of the sorted, concatenated parts (token, timestamp and
 * nonce; in safe mode also the encrypted message). Compared in constant time, so that the time a
 * refusal takes says nothing about how close a forged signature came.
 */
final class WechatSignature {
  private WechatSignature() {}

  /** The signature of {@code parts}, as WeChat computes it (lower-case hex). */
  static String of(String... parts) {
    return SHA1.gen(parts);
  }

  /** Whether {@code given} is the signature of {@code parts}; false when anything is missing. */
  static boolean matches(String given, String... parts) {
    if (given == null || given.isEmpty()) {
      return false;
    }
    for (String part : parts) {
      if (part == null) {
        return false;
      }
    }
    byte[] expected = of(parts).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual);
  }
}
