package dev.cfpbot.files;

import dev.cfpbot.domain.FileRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stores files under {@code <data dir>/files/}, each under a name of its own: its SHA-256 and a
 * random suffix. Two uploads of the same content are two files, so that deleting one (the bot did
 * not keep it, or no answer refers to it any more) can never take the other's away. A file is
 * written to a temporary name (0600 from its creation), checked, then moved into place.
 */
public final class FileStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dataDir;

  public FileStore(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Why a file was not stored. */
  public enum Refusal {
    TOO_LARGE,
    WRONG_TYPE
  }

  /** The outcome: the stored file, or why it was refused. */
  public record Result(FileRef file, Refusal refusal) {
    public boolean stored() {
      return file != null;
    }
  }

  /**
   * Reads {@code in} to the end (at most {@code maxBytes}) and stores it if its content is one of
   * {@code allowedTypes} and agrees with the extension of {@code originalName}.
   *
   * @param platformRef the platform's id of the file, kept for re-sending; may be null
   */
  public Result store(
      InputStream in,
      String originalName,
      List<String> allowedTypes,
      long maxBytes,
      String platformRef)
      throws IOException {
    Path dir = PrivateFiles.directory(dataDir.resolve("files"));
    Path temp = PrivateFiles.temporary(dir, "upload-", ".part");
    try {
      MessageDigest sha = sha256();
      long size;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
        size = copy(in, out, maxBytes);
      }
      if (size < 0) {
        return new Result(null, Refusal.TOO_LARGE);
      }
      Optional<String> kind = FileTypes.detect(temp);
      String claimed = extension(originalName);
      if (kind.isEmpty() || !allowedTypes.contains(kind.get()) || !claimed.equals(kind.get())) {
        return new Result(null, Refusal.WRONG_TYPE);
      }
      String hash = HexFormat.of().formatHex(sha.digest());
      String unique = HexFormat.of().formatHex(randomBytes(6));
      Path target =
          PrivateFiles.directory(dir.resolve(hash.substring(0, 2)))
              .resolve(hash + "-" + unique + "." + kind.get());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      String relative = dataDir.relativize(target).toString();
      return new Result(
          new FileRef(originalName, mime(kind.get()), size, hash, relative, platformRef), null);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The stored file on disk. */
  public Path resolve(FileRef file) {
    return dataDir.resolve(file.path());
  }

  /**
   * Deletes a stored file the bot did not keep (its name is its own: nothing else refers to it).
   */
  public void discard(FileRef file) throws IOException {
    Files.deleteIfExists(resolve(file));
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  public static String extension(String name) {
    int dot = name == null ? -1 : name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  public static String mime(String extension) {
    return switch (extension) {
      case "pdf" -> "application/pdf";
      case "ppt" -> "application/vnd.ms-powerpoint";
      case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
      case "odp" -> "application/vnd.oasis.opendocument.presentation";
      case "key" -> "application/vnd.apple.keynote";
      default -> "application/octet-stream";
    };
  }

  /** Copies at most {@code max} bytes; returns the count, or -1 when there was more. */
  private static long copy(InputStream in, OutputStream out, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      total += n;
      if (total > max) {
        return -1;
      }
      out.write(buffer, 0, n);
    }
    return total;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException("SHA-256 is missing from this JVM", e));
    }
  }
}
