package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelContext;
import dev.cfpbot.channel.ChannelFactory;
import dev.cfpbot.channel.ChannelRegistry;
import dev.cfpbot.channel.Terminal;
import dev.cfpbot.config.ConfigException;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.process.UpdateInbox;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.testing.TestBot;
import dev.cfpbot.testkit.wechat.FakeWechatApi;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartRehearsalTest {
  @TempDir Path dataDir;
  private final FakeWechatApi api = new FakeWechatApi();
  private final Storage storage = Storage.inMemory();

  @AfterEach
  void close() {
    storage.close();
    api.close();
  }

  @Test
  void speakers_areAHundredUnlessTheOperatorSaysOtherwise() {
    assertThat(StartRehearsal.speakers(Map.of())).isEqualTo(100);
    assertThat(StartRehearsal.speakers(Map.of("CFPBOT_REHEARSAL", "off"))).isZero();
    assertThat(StartRehearsal.speakers(Map.of("CFPBOT_REHEARSAL", " 25 "))).isEqualTo(25);
    assertThat(StartRehearsal.speakers(Map.of("CFPBOT_REHEARSAL", "0"))).isZero();
  }

  @Test
  void speakers_thatAreNoNumber_areAConfigurationError() {
    assertThatThrownBy(() -> StartRehearsal.speakers(Map.of("CFPBOT_REHEARSAL", "many")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "CFPBOT_REHEARSAL: 'many' is not a number of speakers; expected e.g. 100, or off");
    assertThatThrownBy(() -> StartRehearsal.speakers(Map.of("CFPBOT_REHEARSAL", "-3")))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void plainMode_everySpeakerSubmits_andNothingReachesWechatOrTheBotsDatabase() {
    var result = rehearse(Map.of("CFPBOT_REHEARSAL", "3"));

    assertThat(result).isPresent();
    assertThat(result.get().speakers()).isEqualTo(3);
    assertThat(result.get().messages()).isEqualTo(27);
    assertThat(result.get().answered()).isEqualTo(27);
    assertThat(api.calls(FakeWechatApi.CUSTOM)).isEmpty();
    assertThat(rows("speakers")).isZero();
    assertThat(rows("outbox")).isZero();
  }

  @Test
  void safeMode_everySpeakerSubmits_encrypted() {
    var result =
        rehearse(
            Map.of(
                "CFPBOT_REHEARSAL",
                "2",
                "WECHAT_AES_KEY",
                "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"));

    assertThat(result.map(StartRehearsal.Result::answered)).contains(18);
    assertThat(rows("speakers")).isZero();
  }

  @Test
  void sweep_deletesCopiesLeftByAKilledBot_andNothingElse() throws Exception {
    Path tmp = dataDir.resolve("tmp");
    Path leftover = Files.createDirectories(tmp.resolve("cfpbot-rehearsal-123"));
    Files.writeString(leftover.resolve("cfpbot.mv.db"), "x");
    Path running = Files.createDirectories(tmp.resolve("cfpbot-rehearsal-456"));
    Path other = Files.createDirectories(tmp.resolve("someone-elses"));
    Instant now = Instant.parse("2026-12-01T09:00:00Z");
    Files.setLastModifiedTime(leftover, FileTime.from(now.minus(Duration.ofHours(2))));
    Files.setLastModifiedTime(running, FileTime.from(now.minus(Duration.ofSeconds(5))));
    Files.setLastModifiedTime(other, FileTime.from(now.minus(Duration.ofDays(2))));

    StartRehearsal.sweep(tmp, now.minus(StartRehearsal.LEFTOVER));

    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("cfpbot-rehearsal-456", "someone-elses");
    }
  }

  @Test
  void off_rehearsesNothing() {
    assertThat(rehearse(Map.of("CFPBOT_REHEARSAL", "off"))).isEmpty();
  }

  @Test
  void channelsThatDoNotRehearse_leaveNothingToDo() {
    Map<String, String> env = env(Map.of());
    env.put("WECHAT_APP_ID", "");
    Launch launch = launch(env);
    List<ChannelFactory> selected = launch.channels().select(launch.config(), env, Set.of());

    assertThat(StartRehearsal.run(launch, selected, channels(launch, selected))).isEmpty();
  }

  private java.util.Optional<StartRehearsal.Result> rehearse(Map<String, String> extra) {
    Map<String, String> env = env(extra);
    Launch launch = launch(env);
    List<ChannelFactory> selected = launch.channels().select(launch.config(), env, Set.of());
    return StartRehearsal.run(launch, selected, channels(launch, selected));
  }

  private Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("CFPBOT_CONFIG", TestBot.shippedConfigWithoutDigest().toString());
    env.put("CFPBOT_DATA_DIR", dataDir.toString());
    env.put("WECHAT_APP_ID", FakeWechatApi.APP_ID);
    env.put("WECHAT_APP_SECRET", FakeWechatApi.SECRET);
    env.put("WECHAT_TOKEN", "rehearsalTestToken");
    env.put("WECHAT_API_URL", api.url());
    env.put("WECHAT_ORGANIZERS", "o-organizer");
    env.putAll(extra);
    return env;
  }

  private static Launch launch(Map<String, String> env) {
    PrintStream nowhere = new PrintStream(new ByteArrayOutputStream());
    Clock clock = Clock.fixed(TestBot.BEFORE_DEADLINE, ZoneOffset.UTC);
    return Launch.prepare(
        new Io(InputStream.nullInputStream(), nowhere, nowhere, env, clock), false);
  }

  /** The bot's own channels, over its own database: what the rehearsal makes copies of. */
  private Map<String, Channel> channels(Launch launch, List<ChannelFactory> selected) {
    PrintStream nowhere = new PrintStream(new ByteArrayOutputStream());
    ChannelContext context =
        new ChannelContext(
            launch.config(),
            launch.messages(),
            storage,
            new FileStore(dataDir),
            null,
            null,
            new UpdateInbox(storage),
            new Terminal(InputStream.nullInputStream(), nowhere, false, "test"),
            launch.io().clock());
    return ChannelRegistry.create(selected, launch.config(), launch.io().env(), context);
  }

  private long rows(String table) {
    return storage
        .database()
        .inTransaction("count", tx -> tx.count("count", "SELECT COUNT(*) FROM " + table));
  }
}
