package dev.cfpbot.app;

import dev.cfpbot.storage.DataCopy;
import dev.cfpbot.storage.Database;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.StorageException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Copies another database's data (the H2 file, typically) into the configured one. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      // picocli lists a command by its first line: it must say it all.
      "Copies every speaker, proposal and message from another cfp-bot database (the H2 file,"
          + " say) into the configured one, which must be empty.",
      "The configured one is CFPBOT_DB_URL's. Stop the bot first."
    })
final class MigrateCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--from",
      required = true,
      description = "JDBC URL of the database to copy, e.g. jdbc:h2:file:./data/cfpbot")
  String from;

  @Option(
      names = "--from-user",
      description = "its user (default: ${DEFAULT-VALUE})",
      defaultValue = "sa")
  String fromUser;

  @Option(
      names = "--from-password",
      description = "its password (default: empty)",
      defaultValue = "")
  String fromPassword;

  MigrateCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Optional<Launch> prepared = Launch.prepareOrExplain(io, false);
    if (prepared.isEmpty()) {
      return 2;
    }
    Launch launch = prepared.get();
    if (launch.settings().dbUrl().equals(from)) {
      io.err()
          .println(
              "cfp-bot migrate: --from is the configured database itself; set CFPBOT_DB_URL to the new one");
      return 2;
    }
    try (Storage target = launch.openStorage();
        Database source = Database.open(from, fromUser, fromPassword, 2)) {
      Map<String, Integer> counts = DataCopy.copy(source, target.database());
      counts.forEach((table, n) -> io.err().println("  " + table + ": " + n));
      io.err()
          .println(
              "cfp-bot: copied into "
                  + Database.redact(launch.settings().dbUrl())
                  + "; start the bot on it");
      return 0;
    } catch (IllegalStateException e) {
      io.err().println("cfp-bot migrate: " + e.getMessage());
      return 2;
    } catch (StorageException e) {
      io.err().println("cfp-bot migrate: " + e.getMessage());
      return 3;
    }
  }
}
