package dev.cfpbot.app;

import dev.cfpbot.channel.ChannelRegistry;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.ConfigException;
import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.config.Settings;
import dev.cfpbot.files.PrivateFiles;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.Database;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * What start-up has read before anything runs: the config, the settings, the texts, the channels
 * this build has. Every mistake in them surfaces here as a {@link ConfigException} with a message
 * for the operator.
 */
record Launch(
    Io io,
    CfpConfig config,
    Settings settings,
    Messages messages,
    ChannelRegistry channels,
    boolean consoleWanted) {
  private static final Duration DB_RETRY = Duration.ofSeconds(1);
  private static final String H2_FILE = "jdbc:h2:file:";

  static Launch prepare(Io io, boolean consoleFlag) {
    Path configPath = Settings.configPath(io.env());
    // The file's top-level sections besides the core's are the channels'.
    ChannelRegistry channels = ChannelRegistry.installed();
    CfpConfig config = ConfigLoader.load(configPath, channels.names());
    Settings settings = Settings.resolve(configPath, config, io.env());
    Messages messages = Messages.defaults().with(config.messages());
    return new Launch(io, config, settings, messages, channels, consoleFlag);
  }

  /** {@link #prepare}, or empty after telling the operator what is wrong with the configuration. */
  static Optional<Launch> prepareOrExplain(Io io, boolean consoleFlag) {
    try {
      return Optional.of(prepare(io, consoleFlag));
    } catch (ConfigException e) {
      io.err().println("cfp-bot: configuration error: " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Opens (and if needed creates) the database, in a data directory that is the bot's user's alone:
   * created 0700, anything under it that others could read tightened (and logged) first.
   */
  Storage openStorage() {
    try {
      PrivateFiles.directory(settings.dataDir());
      PrivateFiles.tighten(settings.dataDir());
      h2File(settings.dbUrl()).ifPresent(Launch::createPrivately);
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigException(
          "the data directory "
              + settings.dataDir()
              + " cannot be created: "
              + e.getMessage()
              + " (set CFPBOT_DATA_DIR to a writable directory)");
    }
    return Storage.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), 8);
  }

  /**
   * The file an embedded H2 database lives in ({@code <path>.mv.db}), for a {@code jdbc:h2:file:}
   * URL; empty for any other database.
   */
  static Optional<Path> h2File(String url) {
    if (!url.startsWith(H2_FILE)) {
      return Optional.empty();
    }
    int options = url.indexOf(';');
    String path = url.substring(H2_FILE.length(), options < 0 ? url.length() : options);
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return Optional.of(Path.of(path + ".mv.db"));
  }

  /**
   * H2 creates its file with the process's umask (0644 under the usual 022) when the jar runs
   * without the launcher's {@code umask 077}. An empty file created here, 0600, is taken by H2 as a
   * new database and written in place, so the file is private from its creation either way.
   */
  private static void createPrivately(Path file) {
    try {
      PrivateFiles.directory(file.toAbsolutePath().getParent());
      PrivateFiles.createEmpty(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #openStorage}, waiting up to {@link Settings#dbWait} while the database is away for a
   * reason that passes: a PostgreSQL that is still starting (service managers start the bot and its
   * database side by side), an H2 file still held by the bot that is stopping. A wrong URL or
   * password fails at once.
   */
  Storage openStorageWaiting() {
    long deadline = System.nanoTime() + settings.dbWait().toNanos();
    boolean told = false;
    while (true) {
      try {
        return openStorage();
      } catch (StorageException e) {
        if (!e.isUnavailable() || System.nanoTime() - deadline > 0) {
          throw e;
        }
        if (!told) {
          io.err()
              .println(
                  "cfp-bot: "
                      + explain(e, settings)
                      + " Waiting up to "
                      + settings.dbWait().toSeconds()
                      + " s for it.");
          told = true;
        }
        LockSupport.parkNanos(DB_RETRY.toNanos());
      }
    }
  }

  /** A storage failure at start-up, in words an operator can act on. */
  static String explain(StorageException e, Settings settings) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (settings.embeddedH2()
        && (message.contains("90020") || message.contains("locked by another"))) {
      return "the database in "
          + settings.dataDir()
          + " is in use by another cfp-bot process (an H2 file opens in one process only). Stop"
          + " that process first, or ask the running bot with /export.";
    }
    return "cannot use the database " + Database.redact(settings.dbUrl()) + ": " + message;
  }
}
