package dev.cfpbot.channel.echo;

import dev.cfpbot.channel.Abilities;
import dev.cfpbot.channel.Capabilities;
import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.Outbound;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.channel.SendResult;
import dev.cfpbot.channel.Sender;
import dev.cfpbot.conversation.Content;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * A platform of text messages between users and the bot: each user's chat is private, the
 * organizers get their alerts in their own chats. Its input ends when the platform closes.
 */
final class EchoChannel implements Channel {
  static final String NAME = "echo";

  private final FakeEchoPlatform platform;
  private final EchoSettings settings;
  private final Clock clock;

  EchoChannel(FakeEchoPlatform platform, EchoSettings settings, Clock clock) {
    this.platform = platform;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(false, false, 1000);
  }

  @Override
  public Routes routes() {
    return new Routes(
        settings.organizers(), Set.copyOf(settings.organizers()), false, null, null, false);
  }

  @Override
  public void start(InboundHandler handler) {
    platform.onMessage(
        (user, id, text) ->
            handler.handle(
                new Inbound(
                    NAME,
                    user,
                    id,
                    new Sender(user, user, null),
                    true,
                    new Content.Text(text),
                    clock.instant(),
                    false)));
  }

  @Override
  public SendResult send(Outbound message) {
    platform.deliver(message.recipient(), message.text());
    return new SendResult.Sent(null);
  }

  @Override
  public void stop() {
    platform.onMessage(null);
  }

  @Override
  public Abilities abilities() {
    return Abilities.NONE.withInputEnd(platform::awaitClosed);
  }

  /** The organizers' chats, for tests. */
  List<String> organizerChats() {
    return settings.organizers();
  }
}
