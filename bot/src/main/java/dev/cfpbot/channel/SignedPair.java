package dev.cfpbot.channel;

/**
 * The one-time pair a platform signed a callback with (its timestamp and nonce) and a digest of the
 * message that came under it. The message's turn records the pair in its own transaction, and is
 * refused with nothing kept when the pair was taken before with another message: someone who saw a
 * signed request is replaying it with a body of their own. The same message again is the platform
 * retrying; its turn goes on, to be recognised as a redelivery.
 *
 * @param sentAt the signed timestamp, in seconds since the epoch
 * @param nonce the signed nonce
 * @param bodySha256 the hex SHA-256 of the message as authenticated (decrypted, in safe mode)
 */
public record SignedPair(long sentAt, String nonce, String bodySha256) {}
