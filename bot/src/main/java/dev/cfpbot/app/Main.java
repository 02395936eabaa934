package dev.cfpbot.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/** The entry point: {@code cfp-bot [--console]} runs the bot, {@code cfp-bot export} exports. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Warmup.start();
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Io io = new Io(System.in, out, err, System.getenv(), Clock.systemUTC());
    System.exit(run(io, args));
  }

  /** Runs the command line with {@code io}; returns the exit code. */
  public static int run(Io io, String... args) {
    if (args.length == 0) {
      // The usual start (a service, ./cfp-bot) has nothing to parse, and picocli's classes are
      // Java 5 class files: class data sharing cannot archive them and the old verifier checks
      // them, a third of a second of every restart. Only its error handling is kept.
      return runPlain(io);
    }
    CommandLine cli = new CommandLine(new RunCommand(io));
    cli.addSubcommand("export", new ExportCommand(io));
    cli.addSubcommand("migrate", new MigrateCommand(io));
    cli.setOut(new java.io.PrintWriter(io.out(), true));
    cli.setErr(new java.io.PrintWriter(io.err(), true));
    return cli.execute(args);
  }

  /** What picocli does with no arguments: the run, and a failure as a stack trace and exit 1. */
  private static int runPlain(Io io) {
    try {
      return new RunCommand(io).call();
    } catch (RuntimeException e) {
      e.printStackTrace(io.err());
      return 1;
    }
  }
}
