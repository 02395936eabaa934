package dev.cfpbot.testkit.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Safe mode's encryption as WeChat documents it, on the JDK alone (independently of the channel's
 * code), and {@link Broken envelopes that cannot be decrypted} in each way a decrypt must survive.
 */
public final class WechatEnvelopes {
  /** What WeChat puts before the length: 16 random bytes (any will do here). */
  private static final byte[] RANDOM = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** Ways an {@code Encrypt} value can fail; each must be answered 400 in bounded memory. */
  public enum Broken {
    OTHER_KEY,
    OTHER_APP_ID,
    NOT_BASE64,
    NOT_WHOLE_BLOCKS,
    SHORTER_THAN_TWO_BLOCKS,
    PADDING_ZERO,
    PADDING_OVER_32,
    PADDING_BYTES_DIFFER,
    LENGTH_BEYOND_THE_MESSAGE,
    LENGTH_HUGE,
    LENGTH_NEGATIVE
  }

  private WechatEnvelopes() {}

  /** An EncodingAESKey's 32 bytes (its last character may carry stray bits). */
  public static byte[] key(String encodingAesKey) {
    return Base64.getDecoder().decode(encodingAesKey + "=");
  }

  /** {@code xml} encrypted as WeChat does. */
  public static String encrypt(byte[] key, String appId, String xml) {
    return encrypt(key, appId, xml.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code message} encrypted as WeChat does, whatever its bytes are. */
  public static String encrypt(byte[] key, String appId, byte[] message) {
    return aes(key, pad(layout(message.length, message, appId), 32));
  }

  /** The message inside an {@code Encrypt} value (for well-formed ones only). */
  public static String decrypt(byte[] key, String encrypted) {
    byte[] plain = crypt(Cipher.DECRYPT_MODE, key, Base64.getDecoder().decode(encrypted));
    int length = ByteBuffer.wrap(plain, 16, 4).getInt();
    return new String(plain, 20, length, StandardCharsets.UTF_8);
  }

  /** An {@code Encrypt} value of {@code xml} broken in the way {@code how} says. */
  public static String broken(Broken how, byte[] key, String appId, String xml) {
    byte[] message = xml.getBytes(StandardCharsets.UTF_8);
    byte[] good = pad(layout(message.length, message, appId), 32);
    return switch (how) {
      case OTHER_KEY -> aes(otherKey(key), good);
      case OTHER_APP_ID -> encrypt(key, "wx-someone-else", xml);
      case NOT_BASE64 -> "not base64 at all!" + aes(key, good);
      case NOT_WHOLE_BLOCKS -> base64(Arrays.copyOf(crypt(Cipher.ENCRYPT_MODE, key, good), 40));
      case SHORTER_THAN_TWO_BLOCKS -> aes(key, Arrays.copyOf(good, 16));
      case PADDING_ZERO -> aes(key, withLastBytes(good, 0));
      case PADDING_OVER_32 -> aes(key, withLastBytes(good, 33));
      case PADDING_BYTES_DIFFER -> aes(key, withLastBytes(good, 3, 4, 4, 4));
      case LENGTH_BEYOND_THE_MESSAGE ->
          aes(key, pad(layout(message.length + 1, message, appId), 32));
      case LENGTH_HUGE -> aes(key, pad(layout(Integer.MAX_VALUE - 40, message, appId), 32));
      case LENGTH_NEGATIVE -> aes(key, pad(layout(-1, message, appId), 32));
    };
  }

  /**
   * WeChat's plaintext: 16 random bytes, a length (4 bytes, big-endian), the message, the app id.
   */
  public static byte[] layout(int lengthField, byte[] message, String appId) {
    byte[] app = appId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(20 + message.length + app.length)
        .put(RANDOM)
        .putInt(lengthField)
        .put(message)
        .put(app)
        .array();
  }

  /** PKCS#7 padding to a multiple of {@code block} bytes (WeChat pads to 32). */
  public static byte[] pad(byte[] data, int block) {
    int pad = block - data.length % block;
    byte[] padded = Arrays.copyOf(data, data.length + pad);
    Arrays.fill(padded, data.length, padded.length, (byte) pad);
    return padded;
  }

  /** AES-256-CBC without padding, the key's first 16 bytes as IV, base64. */
  public static String aes(byte[] key, byte[] plain) {
    return base64(crypt(Cipher.ENCRYPT_MODE, key, plain));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] crypt(int mode, byte[] key, byte[] data) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
      return cipher.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] otherKey(byte[] key) {
    byte[] other = key.clone();
    other[31] ^= 0x5a;
    other[0] ^= 0x5a;
    return other;
  }

  /** {@code data} with its last bytes replaced by {@code values} (the last one last). */
  private static byte[] withLastBytes(byte[] data, int... values) {
    byte[] copy = data.clone();
    for (int i = 0; i < values.length; i++) {
      copy[copy.length - values.length + i] = (byte) values[i];
    }
    return copy;
  }
}
