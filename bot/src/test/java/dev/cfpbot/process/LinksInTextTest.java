package dev.cfpbot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cfpbot.app.Bot;
import dev.cfpbot.channel.Abilities;
import dev.cfpbot.channel.Capabilities;
import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.HandleResult;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.LinksInText;
import dev.cfpbot.channel.Outbound;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.channel.SendResult;
import dev.cfpbot.channel.Sender;
import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.testing.StorageExtension;
import dev.cfpbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A channel that shows upload requests as links in the text (WeChat) gets them in inline replies
 * too, once, and a redelivered message repeats the stored text.
 */
@ExtendWith(StorageExtension.class)
class LinksInTextTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dataDir;
  private final Storage storage;
  private final LinkingChannel channel = new LinkingChannel();
  private final TestBot.MutableClock clock = new TestBot.MutableClock(TestBot.BEFORE_DEADLINE);
  private Bot bot;
  private int seq;

  LinksInTextTest(Storage storage) {
    this.storage = storage;
  }

  @BeforeEach
  void start() {
    var config = ConfigLoader.load(TestBot.SHIPPED_CONFIG);
    bot =
        new Bot(
            config,
            Messages.defaults().with(config.messages()),
            storage,
            Map.of(LinkingChannel.NAME, channel),
            clock,
            dataDir);
    bot.start();
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private Inbound inbound(String text) {
    return new Inbound(
        LinkingChannel.NAME,
        "alice",
        "m" + seq++,
        new Sender("alice", "Alice", null),
        true,
        new Content.Text(text),
        clock.instant(),
        true);
  }

  private HandleResult say(String text) {
    return channel.handler.handle(inbound(text));
  }

  private void fillUpToTheAbstract() {
    for (String line :
        List.of(
            "/start", "张三", "我是一名运维工程师，负责公司的容器平台。", "zhangsan_docker", "138 0013 8000", "从零到生产")) {
      say(line);
    }
  }

  @Test
  void inlineReplyAskingForAFile_carriesTheLinkOnce_andARetryRepeatsIt() {
    fillUpToTheAbstract();
    Inbound abstractAnswer = inbound("介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。");

    HandleResult first = channel.handler.handle(abstractAnswer);
    HandleResult retry = channel.handler.handle(abstractAnswer);

    assertThat(first.inlineReply())
        .startsWith("(7/7) 如果已经有演讲稿")
        .endsWith("\nUPLOAD alice slides")
        .containsOnlyOnce("UPLOAD");
    assertThat(retry.duplicate()).isTrue();
    assertThat(retry.inlineReply()).isEqualTo(first.inlineReply());
  }

  @Test
  void queuedReplyAskingForAFile_carriesTheLinkOnce() {
    fillUpToTheAbstract();
    say("介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。");
    // Every reply so far went inline, the first question too (it comes under the call).
    assertThat(channel.sentTo("alice")).isEmpty();
    int before = 0;

    HandleResult help = say("/help");

    assertThat(help.inlineReply()).startsWith("可以随时发送这些指令").doesNotContain("UPLOAD");
    // Only alice's messages count: the scheduler may post to the organizers' chat meanwhile.
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(channel.sentTo("alice")).hasSize(before + 1));
    Outbound question = channel.sentTo("alice").get(before);
    assertThat(question.text())
        .startsWith("(7/7) 如果已经有演讲稿")
        .endsWith("\nUPLOAD alice slides")
        .containsOnlyOnce("UPLOAD");
    assertThat(question.upload()).isNull();
  }

  /** A platform whose messages are text only: uploads become a marker line in the text. */
  static final class LinkingChannel implements Channel, LinksInText {
    static final String NAME = "linking";
    private final List<Outbound> sent = new ArrayList<>();
    private InboundHandler handler;

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(false, false, 2048, Capabilities.LengthUnit.UTF8_BYTES);
    }

    @Override
    public Routes routes() {
      return new Routes(List.of("org"), Set.of("org"), false, null, null, false);
    }

    @Override
    public void start(InboundHandler handler) {
      this.handler = handler;
    }

    @Override
    public synchronized SendResult send(Outbound message) {
      sent.add(message);
      return new SendResult.Sent(null);
    }

    synchronized List<Outbound> sentTo(String recipient) {
      return sent.stream().filter(m -> m.recipient().equals(recipient)).toList();
    }

    @Override
    public void stop() {}

    @Override
    public Abilities abilities() {
      return Abilities.NONE.withLinks(this);
    }

    @Override
    public Reply render(Tx tx, String recipient, Reply reply, Instant now) {
      if (reply.upload() == null) {
        return reply;
      }
      String text = reply.text() + "\nUPLOAD " + recipient + " " + reply.upload().fieldId();
      return new Reply(text, reply.choices(), reply.requestContact(), reply.file(), null);
    }
  }
}
