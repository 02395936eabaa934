package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** The bot's logging, set up in code: the levels it reads and what reaches standard error. */
class LogSetupTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  void setUp_logsAtTheLevelAsked_andLeavesOutOfStandardErrorWhatIsBelowItsOwn() {
    // As when the terminal is the chat: CFPBOT_LOG_LEVEL=DEBUG, cfpbot.stderr.level=WARN.
    LogSetup.setUp(context, "DEBUG", "WARN");

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    Appender<ILoggingEvent> stderr = root.getAppender(LogSetup.APPENDER);
    assertThat(stderr.isStarted()).isTrue();
    assertThat(stderr.getFilterChainDecision(event(Level.INFO))).isEqualTo(FilterReply.DENY);
    assertThat(stderr.getFilterChainDecision(event(Level.WARN))).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void setUp_quietsTheLibrariesRoutineLines_andWeixinsAltogether() {
    LogSetup.setUp(context, null, null);

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("okhttp3").getLevel()).isEqualTo(Level.WARN);
    // It logs request URLs, access token included.
    assertThat(context.getLogger("me.chanjar.weixin").getLevel()).isEqualTo(Level.OFF);
  }

  @Test
  void level_isInfo_whenUnsetOrNotALevelsName() {
    assertThat(LogSetup.level(null)).isEqualTo(Level.INFO);
    assertThat(LogSetup.level("loud")).isEqualTo(Level.INFO);
    assertThat(LogSetup.level(" warn ")).isEqualTo(Level.WARN);
    assertThat(LogSetup.level("ERROR")).isEqualTo(Level.ERROR);
  }

  @Test
  void configure_stepsAside_whenAFileIsThere() {
    // The tests' logback-test.xml is on this class path, as an operator's file would be named.
    assertThat(new LogSetup().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
  }

  private LoggingEvent event(Level level) {
    return new LoggingEvent("test", context.getLogger("dev.cfpbot.x"), level, "m", null, null);
  }
}
