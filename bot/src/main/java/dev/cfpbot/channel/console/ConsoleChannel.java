package dev.cfpbot.channel.console;

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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * A chat in the terminal. Each line read is a message from the local speaker; on start, before the
 * first line, a {@link Content.Resumed} lets a conversation in progress show its question again.
 * Replies print as they are sent, organizer messages with an {@code [organizers]} prefix and
 * announcements with {@code [channel]}. End of input ends the chat.
 */
public final class ConsoleChannel implements Channel {
  public static final String NAME = "console";

  /** The local speaker's chat. */
  static final String CHAT = "local";

  static final String ORGANIZERS = "organizers";
  static final String COMMUNITY = "channel";

  private final BufferedReader in;
  private final PrintStream out;
  private final boolean interactive;
  private final Clock clock;
  private final String userName;
  private final CountDownLatch ended = new CountDownLatch(1);

  /**
   * @param interactive print a prompt before each line (a person is typing, not a pipe)
   */
  public ConsoleChannel(
      BufferedReader in, PrintStream out, boolean interactive, Clock clock, String userName) {
    this.in = in;
    this.out = out;
    this.interactive = interactive;
    this.clock = clock;
    this.userName = userName;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** One terminal shows every recipient's messages: each is printed as it is written, in order. */
  @Override
  public Capabilities capabilities() {
    return new Capabilities(false, false, Integer.MAX_VALUE, Capabilities.LengthUnit.CHARS, true);
  }

  /** End of input ends the chat. */
  @Override
  public Abilities abilities() {
    return Abilities.NONE.withInputEnd(this::awaitEnd);
  }

  @Override
  public Routes routes() {
    return new Routes(List.of(ORGANIZERS), Set.of(), true, COMMUNITY, null, true);
  }

  @Override
  public void start(InboundHandler handler) {
    Thread reader = new Thread(() -> read(handler), "cfpbot-console");
    reader.setDaemon(true);
    reader.start();
  }

  /** Blocks until the input has ended and every line has been handled. */
  void awaitEnd() throws InterruptedException {
    ended.await();
  }

  private void read(InboundHandler handler) {
    try {
      // The terminal no longer shows the question a conversation in progress waits on: without
      // this, the first line typed would be taken, unseen, as its answer.
      handle(handler, new Content.Resumed());
      prompt();
      String line;
      while ((line = in.readLine()) != null) {
        handle(handler, line.isBlank() ? new Content.Text("") : new Content.Text(line));
        prompt();
      }
    } catch (IOException e) {
      out.println("[console] cannot read input: " + e.getMessage());
    } catch (RuntimeException e) {
      out.println("[console] stopped: " + e.getMessage());
    } finally {
      ended.countDown();
    }
  }

  private void handle(InboundHandler handler, Content content) {
    handler.handle(
        new Inbound(
            NAME,
            CHAT,
            UUID.randomUUID().toString(),
            new Sender(CHAT, userName, null),
            true,
            content,
            clock.instant(),
            false));
  }

  private void prompt() {
    if (interactive) {
      out.print("> ");
      out.flush();
    }
  }

  @Override
  public synchronized SendResult send(Outbound message) {
    String prefix =
        switch (message.recipient()) {
          case ORGANIZERS -> "[organizers] ";
          case COMMUNITY -> "[channel] ";
          default -> "";
        };
    StringBuilder text = new StringBuilder();
    for (String line : message.text().split("\n", -1)) {
      text.append(line.isEmpty() ? prefix.strip() : prefix + line).append('\n');
    }
    if (interactive) {
      out.print('\n');
    }
    out.print(text);
    if (!interactive) {
      out.print('\n');
    }
    out.flush();
    return new SendResult.Sent(null);
  }

  /**
   * Nothing to stop: the reader is a daemon thread, and interrupting it could land in a database
   * write (the console waits for its replies on that thread).
   */
  @Override
  public void stop() {}
}
