package dev.cfpbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The bot's logging, set up in code (found by logback as a service, before it looks for a file):
 * the same set-up as the XML it replaces, without the XML's parser, which was 0.12 s of a restart's
 * main thread in a wall-clock profile; by logback's own status lines its set-up took 70–74 ms from
 * the XML and takes 24–34 ms in code (2026-12-01).
 *
 * <p>Logs go to standard error, so standard output stays the chat (console) or the export: at
 * {@code CFPBOT_LOG_LEVEL} (INFO when unset or not a level), and on standard error at the level in
 * the {@code cfpbot.stderr.level} property when the terminal is the chat ({@code Application} sets
 * it before anything logs). An operator's own {@code -Dlogback.configurationFile}, and the tests'
 * {@code logback-test.xml}, still win: logback reads them when this steps aside.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  /** The one appender's name. */
  static final String APPENDER = "STDERR";

  private static final String PATTERN =
      "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n";

  /** Libraries whose routine lines are noise to an operator: their warnings still show. */
  private static final Map<String, Level> QUIETER =
      Map.of(
          "com.zaxxer.hikari", Level.WARN,
          "org.flywaydb", Level.WARN,
          "org.eclipse.jetty", Level.WARN,
          "okhttp3", Level.WARN,
          // weixin-java logs request URLs, access token included, when a call fails: our channel
          // logs what matters itself, masked.
          "me.chanjar.weixin", Level.OFF);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogSetup.class.getResource("/logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    String level = System.getProperty("CFPBOT_LOG_LEVEL", System.getenv("CFPBOT_LOG_LEVEL"));
    setUp(context, level, System.getProperty("cfpbot.stderr.level", level));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Logs of {@code level} and above to standard error, where those below {@code stderrLevel} are
   * left out (each INFO when unset or not a level's name).
   */
  static void setUp(LoggerContext context, String level, String stderrLevel) {
    ThresholdFilter threshold = new ThresholdFilter();
    threshold.setLevel(level(stderrLevel).levelStr);
    threshold.start();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setTarget("System.err");
    appender.addFilter(threshold);
    appender.setEncoder(encoder);
    appender.start();

    QUIETER.forEach((name, quieter) -> context.getLogger(name).setLevel(quieter));
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(level));
    root.addAppender(appender);
  }

  /**
   * Leaves everything below ERROR out of the log until {@link Runnable#run run} is called on what
   * this returns: for the start-up rehearsal, whose copy of the bot would otherwise log its start,
   * its warnings and its speakers a second time, as if they were the bot's.
   */
  static Runnable quiet() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return () -> {};
    }
    TurboFilter belowErrors =
        new TurboFilter() {
          @Override
          public FilterReply decide(
              Marker marker,
              ch.qos.logback.classic.Logger logger,
              Level level,
              String format,
              Object[] params,
              Throwable t) {
            return level.isGreaterOrEqual(Level.ERROR) ? FilterReply.NEUTRAL : FilterReply.DENY;
          }
        };
    belowErrors.start();
    context.addTurboFilter(belowErrors);
    return () -> context.getTurboFilterList().remove(belowErrors);
  }

  /** {@code name} as a level; INFO when unset or not a level's name. */
  static Level level(String name) {
    return name == null ? Level.INFO : Level.toLevel(name.strip(), Level.INFO);
  }
}
