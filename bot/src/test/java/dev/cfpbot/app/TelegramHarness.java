package dev.cfpbot.app;

import static org.awaitility.Awaitility.await;

import dev.cfpbot.storage.Storage;
import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.FakeTelegram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real application (configuration, wiring, channels) against a fake Bot API on loopback, with
 * its own data directory and H2 file, as `./cfp-bot` runs it with TELEGRAM_* set.
 */
final class TelegramHarness implements AutoCloseable {
  static final String TOKEN = "123456:TEST-token_for-the-fake";
  static final String ORGANIZERS = "-100200300";
  static final String ORGANIZER = "777";
  static final String CHANNEL = "@techparty_gz";
  static final Duration WAIT = Duration.ofSeconds(20);

  final FakeTelegram telegram = new FakeTelegram(TOKEN, "cfp_test_bot").start(0);
  final Path dataDir;
  final Map<String, String> env = new HashMap<>();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Clock clock;
  Application app;

  TelegramHarness(Path dataDir, Clock clock, Map<String, String> extraEnv) {
    this.dataDir = dataDir;
    this.clock = clock;
    env.put("CFPBOT_CONFIG", config(clock).toString());
    env.put("CFPBOT_DATA_DIR", dataDir.toString());
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_API_URL", telegram.url());
    env.put("TELEGRAM_ORGANIZER_CHAT", ORGANIZERS);
    env.put("TELEGRAM_ORGANIZERS", ORGANIZER);
    env.put("TELEGRAM_CHANNEL", CHANNEL);
    env.put("TELEGRAM_RATE_LIMITS", "off");
    env.putAll(extraEnv);
  }

  /**
   * The shipped configuration; on the system's clock without its daily digest (TestBot says why).
   */
  private static Path config(Clock clock) {
    return clock.equals(Clock.systemUTC())
        ? TestBot.shippedConfigWithoutDigest()
        : TestBot.SHIPPED_CONFIG;
  }

  TelegramHarness start() {
    Io io =
        new Io(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            clock);
    app = Application.start(io, Launch.prepare(io, false));
    return this;
  }

  /** Stops the bot as a crash would leave it: nothing more is sent or polled. */
  void stop() {
    app.close();
    app = null;
  }

  /** Waits until {@code chat} has received {@code count} messages, and returns their texts. */
  List<String> awaitTexts(long chat, int count) {
    await().atMost(WAIT).until(() -> telegram.textsTo(chat).size() >= count);
    return telegram.textsTo(chat);
  }

  /**
   * The command menu as last set, once both languages are: it is set on a thread of its own after
   * polling has started, the English one last.
   */
  com.fasterxml.jackson.databind.JsonNode awaitMenu() {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              var menu = telegram.lastCall("setmycommands");
              return menu != null && "en".equals(menu.path("language_code").asText());
            });
    return telegram.lastCall("setmycommands");
  }

  Storage storage() {
    return app.storage();
  }

  /** Sends {@code text} from {@code chat} and waits for {@code replies} answers; returns them. */
  List<String> say(long chat, String text, int replies) {
    int before = telegram.textsTo(chat).size();
    telegram.sendText(chat, text);
    return awaitTexts(chat, before + replies).subList(before, before + replies);
  }

  /** The seed answers from /start to the receipt, one message at a time. */
  String submit(long chat, String title) {
    say(chat, "/start", 1);
    for (String answer :
        new String[] {
          "张三",
          "运维工程师。",
          "zhangsan_docker",
          "138 0013 8000",
          title,
          "介绍我们把单体应用迁移到 Docker 的过程和踩过的坑。",
          "/skip"
        }) {
      say(chat, answer, 1);
    }
    return say(chat, "确认", 1).get(0);
  }

  /** The commands of a message's buttons: their callback data without the key the bot adds. */
  static List<String> commands(dev.cfpbot.testkit.SentMessage message) {
    return message.buttons().stream().map(d -> d.replaceFirst("^[A-Za-z0-9_-]{8}:", "")).toList();
  }

  /**
   * Presses, as {@code chat}'s user, the button for {@code command} on the latest message to that
   * chat that has one: exactly the data the bot issued.
   */
  void pressButton(long chat, String command) {
    List<dev.cfpbot.testkit.SentMessage> sent = telegram.sentTo(Long.toString(chat));
    for (int i = sent.size() - 1; i >= 0; i--) {
      int at = commands(sent.get(i)).indexOf(command);
      if (at >= 0) {
        telegram.press(chat, chat, sent.get(i).buttons().get(at));
        return;
      }
    }
    throw new AssertionError("no button for " + command + " in chat " + chat);
  }

  /** Waits until {@code chat} (a group or channel id, or @name) has received {@code count}. */
  List<dev.cfpbot.testkit.SentMessage> awaitSent(String chat, int count) {
    await().atMost(WAIT).until(() -> telegram.sentTo(chat).size() >= count);
    return telegram.sentTo(chat);
  }

  @Override
  public void close() {
    if (app != null) {
      app.close();
    }
    telegram.close();
  }
}
