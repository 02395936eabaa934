package dev.cfpbot.config;

/**
 * Where data lives. Each key has an environment variable that overrides it.
 *
 * @param dataDir the H2 database and stored files ({@code CFPBOT_DATA_DIR})
 * @param dbUrl a JDBC URL; empty: an H2 file in the data directory ({@code CFPBOT_DB_URL})
 */
public record StorageConfig(String dataDir, String dbUrl, String dbUser, String dbPassword) {

  public static StorageConfig defaults() {
    return new StorageConfig(null, null, null, null);
  }

  @Override
  public String toString() {
    return "StorageConfig[dataDir=" + dataDir + ", dbUser=" + dbUser + "]";
  }
}
