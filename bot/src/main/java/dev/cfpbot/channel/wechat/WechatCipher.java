package dev.cfpbot.channel.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Safe mode's encryption, as WeChat specifies it: AES-256-CBC with the EncodingAESKey's 32 bytes as
 * key and its first 16 as IV, over 16 random bytes, the message's length (4 bytes, big-endian), the
 * message and the AppID, padded PKCS#7-style to a multiple of 32 bytes.
 *
 * <p>Written here on the JDK rather than taken from weixin-java, whose decrypt trusts the length
 * field (a lying one allocated gigabytes: one request ended the bot with an OutOfMemoryError),
 * ignores bad padding and never compares the AppID. Here every length is checked before anything is
 * allocated from it, and anything that is not exactly a message for this account fails with a
 * {@link WechatDecryptException}.
 */
final class WechatCipher {
  private static final int RANDOM = 16;
  private static final int LENGTH = 4;

  /** WeChat pads to 32 bytes, not to AES's block of 16. */
  private static final int PAD_BLOCK = 32;

  private static final int AES_BLOCK = 16;

  private final String token;
  private final SecretKeySpec key;
  private final IvParameterSpec iv;
  private final byte[] appId;
  private final SecureRandom random = new SecureRandom();

  WechatCipher(String token, String encodingAesKey, String appId) {
    byte[] bytes = WechatSettings.aesKeyBytes(encodingAesKey);
    this.token = token;
    this.key = new SecretKeySpec(bytes, "AES");
    this.iv = new IvParameterSpec(bytes, 0, AES_BLOCK);
    this.appId = appId.getBytes(StandardCharsets.UTF_8);
  }

  /** The message in a callback's {@code Encrypt} element. */
  String decrypt(String encrypted) {
    if (encrypted.length() > WechatXml.MAX_BODY) {
      throw new WechatDecryptException("longer than any message");
    }
    byte[] data;
    try {
      data = Base64.getDecoder().decode(encrypted);
    } catch (IllegalArgumentException e) {
      throw new WechatDecryptException("not base64");
    }
    if (data.length < 2 * AES_BLOCK || data.length % AES_BLOCK != 0) {
      throw new WechatDecryptException("not whole AES blocks (" + data.length + " bytes)");
    }
    byte[] plain = crypt(Cipher.DECRYPT_MODE, data);
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > PAD_BLOCK || !padded(plain, pad)) {
      throw new WechatDecryptException("bad padding (another key?)");
    }
    int end = plain.length - pad;
    int length = ByteBuffer.wrap(plain, RANDOM, LENGTH).getInt();
    int room = end - RANDOM - LENGTH - appId.length;
    if (length < 0 || length > room) {
      throw new WechatDecryptException("the length field does not fit the message (another key?)");
    }
    int start = RANDOM + LENGTH;
    byte[] app = Arrays.copyOfRange(plain, start + length, end);
    if (!MessageDigest.isEqual(app, appId)) {
      throw new WechatDecryptException("encrypted for another AppID");
    }
    return new String(plain, start, length, StandardCharsets.UTF_8);
  }

  /** {@code xml} encrypted for this account: an {@code Encrypt} value. */
  String encrypt(String xml) {
    byte[] message = xml.getBytes(StandardCharsets.UTF_8);
    int size = RANDOM + LENGTH + message.length + appId.length;
    int pad = PAD_BLOCK - size % PAD_BLOCK;
    byte[] prefix = new byte[RANDOM];
    random.nextBytes(prefix);
    ByteBuffer plain = ByteBuffer.allocate(size + pad);
    plain.put(prefix).putInt(message.length).put(message).put(appId);
    while (plain.hasRemaining()) {
      plain.put((byte) pad);
    }
    return Base64.getEncoder().encodeToString(crypt(Cipher.ENCRYPT_MODE, plain.array()));
  }

  /**
   * A passive reply as safe mode sends it: encrypted, and signed with a new timestamp and nonce.
   */
  String seal(String xml, long timestamp) {
    String encrypted = encrypt(xml);
    String nonce = Integer.toString(100_000_000 + random.nextInt(900_000_000));
    String time = Long.toString(timestamp);
    return WechatXml.envelope(
        encrypted, WechatSignature.of(token, time, nonce, encrypted), time, nonce);
  }

  private static boolean padded(byte[] plain, int pad) {
    if (pad > plain.length) {
      return false;
    }
    int differ = 0;
    for (int i = plain.length - pad; i < plain.length; i++) {
      differ |= plain[i] ^ pad;
    }
    return differ == 0;
  }

  private byte[] crypt(int mode, byte[] data) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(mode, key, iv);
      return cipher.doFinal(data);
    } catch (GeneralSecurityException e) {
      // AES/CBC/NoPadding is in every JDK and the key is 32 bytes: this is a broken runtime.
      throw new IllegalStateException("AES is not available", e);
    }
  }
}
