package dev.cfpbot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Deployment settings: the config file's values with the environment's overrides applied. Secrets
 * are never printed: {@link #toString()} leaves them out.
 *
 * @param dbUrl the JDBC URL to use (never empty: defaults to an H2 file in the data directory)
 * @param dbWait how long the bot waits at start for a database that is not there yet
 */
public record Settings(
    Path configPath,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    Duration dbWait) {

  public static final String CONFIG = "CFPBOT_CONFIG";
  public static final String DATA_DIR = "CFPBOT_DATA_DIR";
  public static final String DB_URL = "CFPBOT_DB_URL";
  public static final String DB_USER = "CFPBOT_DB_USER";
  public static final String DB_PASSWORD = "CFPBOT_DB_PASSWORD";
  public static final String DB_WAIT = "CFPBOT_DB_WAIT";

  /** The config file to read: {@code CFPBOT_CONFIG}, or {@code config/cfp-bot.yaml}. */
  public static Path configPath(Map<String, String> env) {
    return Path.of(new EnvOverFile(env).value(CONFIG, null, "config/cfp-bot.yaml"));
  }

  /** The settings for {@code config}, with every variable set in {@code env} taking precedence. */
  public static Settings resolve(Path configPath, CfpConfig config, Map<String, String> env) {
    StorageConfig storage = config.storage();
    EnvOverFile settings = new EnvOverFile(env);
    Path dataDir = Path.of(settings.value(DATA_DIR, storage.dataDir(), "./data"));
    String defaultUrl = h2FileUrl(dataDir.resolve("cfpbot"));
    String dbUrl = settings.value(DB_URL, storage.dbUrl(), defaultUrl);
    if (!dbUrl.startsWith("jdbc:")) {
      throw new ConfigException(
          DB_URL
              + " (or storage.db_url): '"
              + dbUrl
              + "' is not a JDBC URL; expected e.g."
              + " jdbc:postgresql://localhost/cfpbot");
    }
    return new Settings(
        configPath,
        dataDir,
        dbUrl,
        settings.value(DB_USER, storage.dbUser(), dbUrl.startsWith("jdbc:h2:") ? "sa" : null),
        settings.value(DB_PASSWORD, storage.dbPassword(), dbUrl.startsWith("jdbc:h2:") ? "" : null),
        dbWait(settings.value(DB_WAIT, null, "60")));
  }

  /**
   * The URL of an embedded H2 database in the file {@code base}{@code .mv.db}, with the options the
   * bot runs H2 with.
   */
  public static String h2FileUrl(Path base) {
    // WRITE_DELAY=0: a commit reaches the file before it returns (H2 otherwise writes up to half
    // a second later, and a killed process would lose turns that were already acknowledged).
    // QUERY_CACHE_SIZE: H2 parses a statement again when it is not in its cache, 8 entries by
    // default, fewer than the statements of one turn. DB_CLOSE_ON_EXIT=FALSE: on SIGTERM the bot
    // closes the database itself, after the last deliveries are recorded; H2's own shutdown hook
    // would close it under them. TRACE_LEVEL_FILE=0: no cfpbot.trace.db, where H2 would write each
    // failed statement with the values in it (personal data, in a file no one looks after).
    // CACHE_SIZE=1024 (KB; 16 MB by default): every commit writes new versions of the pages it
    // changed and the cache keeps the old ones until they are pushed out, so a bigger cache is
    // mostly superseded pages the collector has to carry; at 1 MB rather than 4 a burst pays a
    // third fewer full collections (README "JVM flags").
    return "jdbc:h2:file:"
        + base.toAbsolutePath().normalize()
        + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=256;CACHE_SIZE=1024;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
  }

  private static Duration dbWait(String seconds) {
    try {
      long n = Long.parseLong(seconds);
      if (n >= 0) {
        return Duration.ofSeconds(n);
      }
    } catch (NumberFormatException e) {
      // explained below
    }
    throw new ConfigException(
        DB_WAIT + ": '" + seconds + "' is not a number of seconds; expected e.g. 60, or 0");
  }

  /** Whether the database is the default embedded H2 file. */
  public boolean embeddedH2() {
    return dbUrl.startsWith("jdbc:h2:file:");
  }

  @Override
  public String toString() {
    return "Settings[config=" + configPath + ", dataDir=" + dataDir + "]";
  }
}
