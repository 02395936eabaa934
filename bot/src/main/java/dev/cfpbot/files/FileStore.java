package dev.cfpbot.files;

import dev.cfpbot.storage.model.FileRef;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stores files under {@code <data dir>/files/}, named by their SHA-256 so the same file sent twice
 * is stored once. A file is written to a temporary name, checked, then moved into place.
 */
public final class FileStore {
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
    Path dir = Files.createDirectories(dataDir.resolve("files"));
    Path temp = Files.createTempFile(dir, "upload-", ".part");
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
      Path target = dir.resolve(hash.substring(0, 2)).resolve(hash + "." + kind.get());
      Files.createDirectories(target.getParent());
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      PrivateFiles.restrict(target);
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
