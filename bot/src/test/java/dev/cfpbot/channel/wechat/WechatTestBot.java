package dev.cfpbot.channel.wechat;

import dev.cfpbot.app.Bot;
import dev.cfpbot.channel.ChannelContext;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.config.HttpSettings;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.links.CalendarLinks;
import dev.cfpbot.links.DownloadLinks;
import dev.cfpbot.links.UploadLinks;
import dev.cfpbot.process.UpdateInbox;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.testing.TestDatabases;
import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.wechat.FakeWechatApi;
import dev.cfpbot.testkit.wechat.WechatClient;
import dev.cfpbot.web.AgendaPage;
import dev.cfpbot.web.DownloadPage;
import dev.cfpbot.web.HealthReport;
import dev.cfpbot.web.UploadPage;
import dev.cfpbot.web.UploadTargets;
import dev.cfpbot.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The real bot with the real WeChat channel behind the real HTTP server (wired as the application
 * wires them), over a fresh database of the test's (see {@code StorageExtension}), talking to a
 * {@link FakeWechatApi}; a {@link WechatClient} plays WeChat's servers.
 */
final class WechatTestBot implements AutoCloseable {
  /** Letters and digits, 16 or more: what WeChat accepts and the bot asks for. */
  static final String TOKEN = "cfpbotTestToken2027";

  /** WeChat's documented sample key: its last character carries stray bits, as real keys do. */
  static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

  static final String ORGANIZER = "o-organizer-1";
  static final String PUBLIC_URL = "https://cfp.example.org";

  final FakeWechatApi api = new FakeWechatApi();
  final Storage storage;
  final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  final CfpConfig config;
  final Messages messages;
  final Path dataDir;
  final WechatChannel channel;
  final Bot bot;
  final WebServer web;
  final WechatClient plain;
  final WechatClient safe;

  /** Sees each upload the page hands to the bot, just before its turn (the request still open). */
  volatile Consumer<Inbound> beforeUpload = in -> {};

  /** Safe mode (WECHAT_AES_KEY set), as WeChat recommends: only encrypted callbacks are taken. */
  WechatTestBot(TestDatabases databases, Path dataDir) {
    this(databases, dataDir, Map.of(), Function.identity());
  }

  /**
   * @param env settings on top of the test's (e.g. a template id)
   * @param configText changes to the shipped config's text
   */
  WechatTestBot(
      TestDatabases databases,
      Path dataDir,
      Map<String, String> env,
      Function<String, String> configText) {
    this(dataDir, env, configText, databases.open(), true);
  }

  /** Plain mode: no WECHAT_AES_KEY, so callbacks come in the clear (the test account's mode). */
  static WechatTestBot plainMode(TestDatabases databases, Path dataDir) {
    return new WechatTestBot(
        databases, dataDir, Map.of(WechatSettings.AES_KEY, ""), Function.identity());
  }

  /**
   * @param storage the database (the test's): a second instance opens its own on the same one
   * @param startBot false: the HTTP server is up but the bot not started yet (call {@code
   *     bot.start()}), as in the moment after the port opens
   */
  WechatTestBot(
      Path dataDir,
      Map<String, String> env,
      Function<String, String> configText,
      Storage storage,
      boolean startBot) {
    this.dataDir = dataDir;
    this.storage = storage;
    this.config = ConfigLoader.parse(configText.apply(read(TestBot.SHIPPED_CONFIG)), "test");
    this.messages = Messages.defaults().with(config.messages());
    Map<String, String> all = new HashMap<>();
    all.put(WechatSettings.APP_ID, FakeWechatApi.APP_ID);
    all.put(WechatSettings.APP_SECRET, FakeWechatApi.SECRET);
    all.put(WechatSettings.TOKEN, TOKEN);
    all.put(WechatSettings.AES_KEY, AES_KEY);
    all.put(WechatSettings.API_URL, api.url());
    all.put(WechatSettings.ORGANIZERS, ORGANIZER);
    all.putAll(env);
    byte[] key = "a test secret of enough length".getBytes(StandardCharsets.UTF_8);
    UploadLinks uploads = new UploadLinks(PUBLIC_URL, key, clock, Duration.ofDays(7), storage);
    DownloadLinks downloads = new DownloadLinks(PUBLIC_URL, key, clock, Duration.ofHours(1));
    HttpSettings http = new HttpSettings("127.0.0.1", 0, PUBLIC_URL, true);
    FileStore files = new FileStore(dataDir);
    ChannelContext context =
        new ChannelContext(
            config, messages, storage, files, uploads, downloads, (c, u) -> {}, null, clock);
    this.channel =
        (WechatChannel)
            new WechatChannelFactory().create(config.section(WechatChannel.NAME, all), context);
    CalendarLinks calendars = new CalendarLinks(PUBLIC_URL, key, clock);
    this.bot =
        new Bot(
            config,
            messages,
            storage,
            Map.of(WechatChannel.NAME, channel),
            clock,
            dataDir,
            new UpdateInbox(storage),
            null,
            calendars);
    this.web =
        WebServer.start(
            http,
            List.of(
                channel.abilities().http().orElseThrow(),
                new UploadPage(
                    in -> {
                      beforeUpload.accept(in);
                      return bot.dispatcher().handle(in);
                    },
                    files,
                    uploads,
                    new UploadTargets(config, storage),
                    messages,
                    clock,
                    dataDir.resolve("files").resolve("incoming")),
                new DownloadPage(downloads, dataDir),
                new AgendaPage(config, messages, storage, calendars, clock)),
            () -> new HealthReport(true, "up", Map.of(), 0, 0));
    if (startBot) {
      bot.start();
    }
    URI endpoint = URI.create(base() + "/wechat");
    this.plain = new WechatClient(endpoint, TOKEN, null, FakeWechatApi.APP_ID, clock);
    this.safe = new WechatClient(endpoint, TOKEN, AES_KEY, FakeWechatApi.APP_ID, clock);
  }

  String base() {
    return "http://127.0.0.1:" + web.port();
  }

  /** A link the bot gave, pointed at this server instead of the public address. */
  URI local(String link) {
    return URI.create(link.replace(PUBLIC_URL, base()));
  }

  /** The slides answer (edits included) of {@code openid}'s first proposal; null without one. */
  Answer slides(String openid) {
    return in(
        tx -> {
          var speaker = storage.speakers().find(tx, WechatChannel.NAME, openid).orElseThrow();
          var submission = storage.submissions().listBySpeaker(tx, speaker.id()).get(0);
          return storage.answers().answers(tx, submission.id(), true).get("slides");
        });
  }

  <T> T in(Function<Tx, T> work) {
    return storage.database().inTransaction("test", work);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    bot.close();
    web.close();
    api.close();
  }
}
