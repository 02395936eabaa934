package dev.cfpbot.channel;

/**
 * A chat platform: one package, made by its {@link ChannelFactory}. Implementations must be safe to
 * call {@link #send} from several threads for different recipients at once; the outbox never sends
 * two messages to one recipient at a time.
 */
public interface Channel {

  /** The channel's name, stored with speakers and outbox rows: "console", "telegram", "wechat". */
  String name();

  /** What it can show and how it delivers. */
  Capabilities capabilities();

  /** Who the organizers are on this channel, and where alerts and announcements go. */
  Routes routes();

  /** Starts receiving; every message goes to {@code handler}. Returns once receiving has begun. */
  void start(InboundHandler handler);

  /** Sends one message now. Never throws for platform errors: they are a {@link SendResult}. */
  SendResult send(Outbound message);

  /** Stops receiving and releases the channel's resources. */
  void stop();

  /** What it can do beyond this contract; none unless it says so. */
  default Abilities abilities() {
    return Abilities.NONE;
  }
}
