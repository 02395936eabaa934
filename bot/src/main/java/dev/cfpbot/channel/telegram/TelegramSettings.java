package dev.cfpbot.channel.telegram;

import dev.cfpbot.config.ConfigException;
import dev.cfpbot.config.EnvOverFile;
import dev.cfpbot.config.Section;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Telegram channel's settings: the config file's {@code telegram:} keys with the environment
 * overriding them. {@link #toString()} never shows the token.
 *
 * @param apiUrl the Bot API server: https://api.telegram.org, a self-hosted one, or a fake
 * @param channel the community channel, {@code @name} or a numeric id; null: none
 * @param organizerChat where alerts and digests go (a group, or a user); null: none
 * @param organizers user ids allowed to run organizer commands
 * @param webhookUrl the public address Telegram posts updates to; null: long polling
 * @param webhookSecret checked in X-Telegram-Bot-Api-Secret-Token
 * @param keepWebhook leave the webhook registered on stop (several instances share it)
 * @param rateLimits keep within Telegram's limits (off only against a server without them)
 */
public record TelegramSettings(
    String token,
    String apiUrl,
    String channel,
    String organizerChat,
    Set<String> organizers,
    String webhookUrl,
    String webhookSecret,
    boolean keepWebhook,
    boolean pinAnnouncements,
    boolean rateLimits) {

  public static final String TOKEN = "TELEGRAM_BOT_TOKEN";
  public static final String API_URL = "TELEGRAM_API_URL";
  public static final String CHANNEL = "TELEGRAM_CHANNEL";
  public static final String ORGANIZER_CHAT = "TELEGRAM_ORGANIZER_CHAT";
  public static final String ORGANIZERS = "TELEGRAM_ORGANIZERS";
  public static final String WEBHOOK_URL = "TELEGRAM_WEBHOOK_URL";
  public static final String WEBHOOK_SECRET = "TELEGRAM_WEBHOOK_SECRET";
  public static final String KEEP_WEBHOOK = "TELEGRAM_KEEP_WEBHOOK";
  public static final String PIN = "TELEGRAM_PIN_ANNOUNCEMENTS";
  public static final String RATE_LIMITS = "TELEGRAM_RATE_LIMITS";

  private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d+:[A-Za-z0-9_-]+");
  private static final Pattern CHAT = Pattern.compile("@[A-Za-z][A-Za-z0-9_]{3,}|-?\\d+");

  /** The settings of the file's {@code telegram:} section and the environment over it. */
  public static Optional<TelegramSettings> resolve(Section section) {
    return Optional.ofNullable(resolve(section.bind(TelegramConfig.class), section.env()));
  }

  /** The settings, or null when no token is configured (the channel is off). */
  public static TelegramSettings resolve(TelegramConfig file, Map<String, String> env) {
    return resolve(file, new EnvOverFile(env));
  }

  private static TelegramSettings resolve(TelegramConfig file, EnvOverFile env) {
    TelegramConfig f =
        file == null
            ? new TelegramConfig(null, null, null, null, null, null, null, null, null)
            : file;
    String token = env.value(TOKEN, f.botToken());
    if (token == null) {
      return null;
    }
    if (!TOKEN_SHAPE.matcher(token).matches()) {
      throw new ConfigException(
          TOKEN
              + " does not look like a bot token; expected digits, a colon and letters, as BotFather gives it");
    }
    String apiUrl =
        env.value(API_URL, f.apiUrl(), "https://api.telegram.org").replaceAll("/+$", "");
    URI api = URI.create(apiUrl);
    if (api.getHost() == null
        || !(apiUrl.startsWith("http://") || apiUrl.startsWith("https://"))
        || (api.getPath() != null && !api.getPath().isEmpty())) {
      throw new ConfigException(
          API_URL
              + ": '"
              + apiUrl
              + "' is not a Bot API server address; expected scheme, host and optional port, e.g. https://api.telegram.org");
    }
    String channel = chat(CHANNEL, env.value(CHANNEL, f.channel()));
    String organizerChat = chat(ORGANIZER_CHAT, env.value(ORGANIZER_CHAT, f.organizerChat()));
    Set<String> organizers = new LinkedHashSet<>();
    for (String id : env.list(ORGANIZERS, f.organizers())) {
      if (!id.matches("\\d+")) {
        throw new ConfigException(
            ORGANIZERS
                + ": '"
                + id
                + "' is not a Telegram user id; expected numbers separated by commas");
      }
      organizers.add(id);
    }
    String webhook = env.value(WEBHOOK_URL, f.webhookUrl());
    if (webhook != null && !webhook.startsWith("https://")) {
      throw new ConfigException(
          WEBHOOK_URL + ": Telegram only posts to https:// addresses; got '" + webhook + "'");
    }
    String secret = env.value(WEBHOOK_SECRET, f.webhookSecret(), derivedSecret(token));
    return new TelegramSettings(
        token,
        apiUrl,
        channel,
        organizerChat,
        Set.copyOf(organizers),
        webhook,
        secret,
        env.flag(KEEP_WEBHOOK, null, false),
        env.flag(PIN, f.pinAnnouncements(), false),
        env.flag(RATE_LIMITS, null, true));
  }

  /** The token with its secret part hidden, for logs. */
  public String masked() {
    return token.substring(0, token.indexOf(':')) + ":***";
  }

  @Override
  public String toString() {
    return "TelegramSettings[bot="
        + masked()
        + ", api="
        + apiUrl
        + ", webhook="
        + (webhookUrl != null)
        + "]";
  }

  private static String chat(String variable, String value) {
    if (value != null && !CHAT.matcher(value).matches()) {
      throw new ConfigException(
          variable + ": '" + value + "' is neither @channelname nor a numeric chat id");
    }
    return value;
  }

  /** A webhook secret every instance with the same token agrees on, without configuring one. */
  private static String derivedSecret(String token) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(("cfp-bot webhook " + token).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
