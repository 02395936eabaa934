package dev.cfpbot.testing;

import dev.cfpbot.channel.Abilities;
import dev.cfpbot.channel.Capabilities;
import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.Outbound;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.channel.SendResult;
import dev.cfpbot.channel.UpdateTranslator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A chat platform at the outer edge of the tests: it records what the bot sends and can be told to
 * answer sends with failures.
 */
public final class RecordingChannel implements Channel {
  public static final String NAME = "test";
  public static final String ORGANIZER_CHAT = "org-chat";
  public static final String ORGANIZER_ID = "org-1";

  private final List<Outbound> sent = new ArrayList<>();
  private final Deque<Function<Outbound, SendResult>> scripted = new ArrayDeque<>();
  private InboundHandler handler;
  private UpdateTranslator translator;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(true, true, 4096);
  }

  @Override
  public Routes routes() {
    return new Routes(
        List.of(ORGANIZER_CHAT),
        Set.of(ORGANIZER_ID),
        false,
        "community",
        "https://t.me/cfp_bot",
        true);
  }

  /** Its updates are stored first and read by {@code translator} (set before the bot is made). */
  public RecordingChannel translating(UpdateTranslator translator) {
    this.translator = translator;
    return this;
  }

  @Override
  public Abilities abilities() {
    return translator == null ? Abilities.NONE : Abilities.NONE.withTranslator(translator);
  }

  @Override
  public void start(InboundHandler handler) {
    this.handler = handler;
  }

  public InboundHandler handler() {
    return handler;
  }

  /** The next sends get these outcomes, in order, before sends succeed again. */
  public synchronized void script(Function<Outbound, SendResult> outcome) {
    scripted.add(outcome);
  }

  @Override
  public synchronized SendResult send(Outbound message) {
    Function<Outbound, SendResult> next = scripted.poll();
    SendResult result = next == null ? new SendResult.Sent("m" + sent.size()) : next.apply(message);
    if (result instanceof SendResult.Sent) {
      sent.add(message);
    }
    return result;
  }

  /** Everything delivered so far, in delivery order. */
  public synchronized List<Outbound> sent() {
    return List.copyOf(sent);
  }

  /** The texts delivered to one recipient, in order. */
  public synchronized List<String> textsTo(String recipient) {
    return sent.stream().filter(m -> m.recipient().equals(recipient)).map(Outbound::text).toList();
  }

  @Override
  public void stop() {}
}
