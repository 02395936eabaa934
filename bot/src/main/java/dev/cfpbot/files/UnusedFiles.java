package dev.cfpbot.files;

import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes stored files that no answer refers to any more (a forgotten speaker's slides, a purged
 * proposal's) right after the change that let go of them; {@link Housekeeping} catches anything
 * missed. A file goes only when no answer at all, pending or not, has it.
 */
public final class UnusedFiles {
  private static final Logger log = LoggerFactory.getLogger(UnusedFiles.class);

  private final Storage storage;
  private final Path files;

  public UnusedFiles(Storage storage, Path dataDir) {
    this.storage = storage;
    this.files = dataDir.resolve("files").toAbsolutePath().normalize();
  }

  /**
   * Once {@code tx} has committed, deletes those of {@code paths} (relative to the data directory)
   * that no answer refers to: before the commit, the answers that let go of them may still come
   * back.
   */
  public void deleteAfterCommit(Tx tx, Collection<String> paths) {
    if (!paths.isEmpty()) {
      List<String> copy = List.copyOf(paths);
      tx.afterCommit(() -> delete(copy));
    }
  }

  /** Deletes those of {@code paths} that no answer refers to; returns how many went. */
  public int delete(Collection<String> paths) {
    int deleted = 0;
    for (String path : paths) {
      Path file = files.getParent().resolve(path).normalize();
      // Only what the file store wrote: a path from the database never reaches outside files/.
      if (!file.startsWith(files)) {
        continue;
      }
      boolean used =
          storage
              .database()
              .inTransaction(
                  "look for answers with file", tx -> storage.answers().fileReferenced(tx, path));
      try {
        if (!used && Files.deleteIfExists(file)) {
          deleted++;
        }
      } catch (IOException e) {
        log.warn("files: an unused file could not be deleted: {}", e.getClass().getSimpleName());
      }
    }
    if (deleted > 0) {
      log.info("files: deleted {} unused files", deleted);
    }
    return deleted;
  }
}
