package dev.cfpbot.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files holding speakers' personal data are readable by the bot's user only. */
public final class PrivateFiles {
  private PrivateFiles() {}

  public static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the directory's own permissions apply.
    }
  }
}
