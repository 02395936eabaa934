package dev.cfpbot.config;

/**
 * Where data lives. Each key but the quota has an environment variable that overrides it.
 *
 * @param dataDir the H2 database and stored files ({@code CFPBOT_DATA_DIR})
 * @param dbUrl a JDBC URL; empty: an H2 file in the data directory ({@code CFPBOT_DB_URL})
 * @param maxMbPerSpeaker how much the files of one speaker's proposals may take together, in MB;
 *     empty: three times the file field's {@code max_file_mb}
 */
public record StorageConfig(
    String dataDir, String dbUrl, String dbUser, String dbPassword, Integer maxMbPerSpeaker) {

  public StorageConfig {
    if (maxMbPerSpeaker != null && maxMbPerSpeaker <= 0) {
      throw new IllegalArgumentException("storage.max_mb_per_speaker must be positive");
    }
  }

  public static StorageConfig defaults() {
    return new StorageConfig(null, null, null, null, null);
  }

  /** The speaker's quota, in MB, where a file field accepts files of up to {@code maxFileMb}. */
  public int speakerQuotaMb(int maxFileMb) {
    return maxMbPerSpeaker != null ? maxMbPerSpeaker : 3 * maxFileMb;
  }

  @Override
  public String toString() {
    return "StorageConfig[dataDir=" + dataDir + ", dbUser=" + dbUser + "]";
  }
}
