package dev.cfpbot.app;

import dev.cfpbot.files.PrivateFiles;
import dev.cfpbot.organizer.Exporter;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.StorageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes every confirmed submission as CSV (Excel-ready) or JSON. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Exports the submissions as CSV (UTF-8 with BOM, opens in Excel) or JSON.")
final class ExportCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--format",
      description = "csv or json (default: ${DEFAULT-VALUE})",
      defaultValue = "csv")
  String format;

  @Option(names = "--out", description = "Write to this file instead of standard output.")
  Path out;

  @Option(names = "--event", description = "Only this event's submissions (its id).")
  String event;

  ExportCommand(Io io) {
    this.io = io;
  }

  /**
   * Writes the export to {@code --out}: first to a new file beside it, 0600 from its creation, then
   * moved into place, so that the personal data never sits in a file others may read (an existing
   * {@code --out} keeps no permissions of its own; a half-written export never replaces it).
   */
  private int writePrivately(Storage storage, Exporter exporter, Exporter.Format chosen)
      throws IOException {
    Path target = out.toAbsolutePath();
    Path temp = PrivateFiles.temporary(target.getParent(), ".cfp-export-", ".part");
    try {
      int count;
      try (OutputStream file = Files.newOutputStream(temp)) {
        count =
            storage
                .database()
                .inTransaction("export", tx -> exporter.write(tx, chosen, event, file));
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return count;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public Integer call() {
    Exporter.Format chosen;
    try {
      chosen = Exporter.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      io.err().println("cfp-bot export: --format must be csv or json, not '" + format + "'");
      return 2;
    }
    Optional<Launch> prepared = Launch.prepareOrExplain(io, false);
    if (prepared.isEmpty()) {
      return 2;
    }
    Launch launch = prepared.get();
    if (event != null && launch.config().event(event).isEmpty()) {
      io.err()
          .println(
              "cfp-bot export: no event with id '"
                  + event
                  + "' in "
                  + launch.settings().configPath());
      return 2;
    }
    Path dataDir = launch.settings().dataDir().toAbsolutePath().normalize();
    if (launch.settings().embeddedH2() && !Files.exists(dataDir.resolve("cfpbot.mv.db"))) {
      // Opening would create an empty database there and export its header: a wrong directory
      // looks like a call without proposals.
      io.err()
          .println(
              "cfp-bot export: there is no cfp-bot database in "
                  + dataDir
                  + " (CFPBOT_DATA_DIR); nothing to export");
      return 1;
    }
    try (Storage storage = launch.openStorage()) {
      Exporter exporter = new Exporter(launch.config(), storage);
      int count;
      if (out == null) {
        count =
            storage
                .database()
                .inTransaction("export", tx -> exporter.write(tx, chosen, event, io.out()));
      } else {
        count = writePrivately(storage, exporter, chosen);
        io.err().println("cfp-bot: exported " + count + " submissions to " + out);
      }
      return 0;
    } catch (StorageException e) {
      io.err().println("cfp-bot: " + Launch.explain(e, launch.settings()));
      return 3;
    } catch (IOException e) {
      io.err().println("cfp-bot export: cannot write " + out + ": " + e.getMessage());
      return 1;
    }
  }
}
