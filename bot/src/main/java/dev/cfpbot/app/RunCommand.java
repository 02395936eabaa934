package dev.cfpbot.app;

import dev.cfpbot.config.ConfigException;
import dev.cfpbot.storage.StorageException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the bot until its input ends (console only) or it is told to stop. */
@Command(
    name = "cfp-bot",
    mixinStandardHelpOptions = true,
    version = "cfp-bot 0.1.0",
    description = {
      "Runs a call for talks as a chatbot.",
      "With no platform credentials configured, chat with it in this terminal."
    })
final class RunCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--console",
      description = "Also chat in this terminal when platform channels (Telegram, WeChat) run.")
  boolean console;

  RunCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Optional<Launch> prepared = Launch.prepareOrExplain(io, console);
    if (prepared.isEmpty()) {
      return 2;
    }
    Launch launch = prepared.get();
    try (Application app = Application.start(io, launch)) {
      app.awaitStop();
      return 0;
    } catch (ConfigException e) {
      // A channel's settings, read when the channels are chosen: told like any other mistake.
      io.err().println("cfp-bot: configuration error: " + e.getMessage());
      return 2;
    } catch (StorageException e) {
      io.err().println("cfp-bot: " + Launch.explain(e, launch.settings()));
      return 3;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }
}
