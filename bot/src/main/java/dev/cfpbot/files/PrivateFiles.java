package dev.cfpbot.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files holding speakers' personal data are their bot's user's alone: directories 0700, files 0600,
 * given when they are created (never widened by the process's umask and tightened afterwards, which
 * would leave a moment when others could open them). On a file system without POSIX permissions
 * (Windows) the directories' own access rules apply.
 */
public final class PrivateFiles {
  private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);

  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private PrivateFiles() {}

  /** Creates {@code dir} and any missing parents, each 0700; an existing one is left as it is. */
  public static Path directory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    return posix(dir)
        ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY))
        : Files.createDirectories(dir);
  }

  /** Creates the new file {@code file} (it must not exist), 0600, and opens it for writing. */
  public static OutputStream create(Path file) throws IOException {
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileAttribute<?>[] attributes =
        posix(file.toAbsolutePath().getParent())
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
            : new FileAttribute<?>[0];
    return Channels.newOutputStream(Files.newByteChannel(file, options, attributes));
  }

  /** Creates the empty file {@code file}, 0600, unless it exists. */
  public static void createEmpty(Path file) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      create(file).close();
    }
  }

  /** A new, empty file in {@code dir}, 0600, named {@code prefix<random>suffix}. */
  public static Path temporary(Path dir, String prefix, String suffix) throws IOException {
    return posix(dir)
        ? Files.createTempFile(dir, prefix, suffix, PosixFilePermissions.asFileAttribute(FILE))
        : Files.createTempFile(dir, prefix, suffix);
  }

  /**
   * Takes the group's and others' permissions away from {@code root} and everything under it
   * (symbolic links are neither followed nor changed), and logs how many it changed, in one line.
   * For data written before the bot set permissions at creation, or copied in by hand.
   */
  public static int tighten(Path root) {
    if (!Files.isDirectory(root) || !posix(root)) {
      return 0;
    }
    int[] changed = {0};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              changed[0] += narrow(dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              if (!attrs.isSymbolicLink()) {
                changed[0] += narrow(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("tighten the permissions under " + root, e);
    }
    if (changed[0] > 0) {
      log.info(
          "data directory: {} files and directories were readable by other users; now only by the"
              + " bot's user",
          changed[0]);
    }
    return changed[0];
  }

  private static int narrow(Path path) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    if (perms.stream().noneMatch(OTHERS::contains)) {
      return 0;
    }
    Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
    owner.addAll(perms);
    owner.removeAll(OTHERS);
    Files.setPosixFilePermissions(path, owner);
    return 1;
  }

  private static boolean posix(Path near) {
    Path existing = near.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null
        && Files.getFileAttributeView(
                existing, java.nio.file.attribute.PosixFileAttributeView.class)
            != null;
  }
}
