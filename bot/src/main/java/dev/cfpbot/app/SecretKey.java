package dev.cfpbot.app;

import dev.cfpbot.config.ConfigException;
import dev.cfpbot.files.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The key that signs upload and download links: {@code CFPBOT_SECRET}, or a random key created once
 * in the data directory ({@code secret.key}, readable by the bot's user only). Several instances
 * must share it: set {@code CFPBOT_SECRET} for them.
 */
final class SecretKey {
  static final String ENV = "CFPBOT_SECRET";

  private SecretKey() {}

  static byte[] load(Path dataDir, Map<String, String> env) {
    String given = env.get(ENV);
    if (given != null && !given.isBlank()) {
      if (given.strip().length() < 16) {
        throw new ConfigException(ENV + " is too short; expected at least 16 characters");
      }
      return given.strip().getBytes(StandardCharsets.UTF_8);
    }
    Path file = dataDir.resolve("secret.key");
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).strip());
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      PrivateFiles.directory(dataDir);
      // 0600 from its creation; CREATE_NEW: an instance that lost a race to create it reads it.
      try (OutputStream out = PrivateFiles.create(file)) {
        out.write(
            (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
      } catch (FileAlreadyExistsException e) {
        return Base64.getDecoder().decode(Files.readString(file).strip());
      }
      return key;
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(
          "the secret key " + file + " cannot be read or created: " + e.getMessage());
    }
  }
}
