package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.testkit.Faults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Telegram start waits for before it polls: nothing a speaker's first turn does not need.
 */
class TelegramStartOrderTest {
  @TempDir Path dataDir;

  @Test
  void start_whileTelegramIsSlowToSetTheMenu_pollsAndAnswersWithoutWaitingForIt() {
    try (TelegramHarness bot = new TelegramHarness(dataDir, Clock.systemUTC(), Map.of())) {
      bot.telegram.faults().failNext("setmycommands", new Faults.Timeout(25_000));
      long started = System.nanoTime();

      bot.start();

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(bot.say(5005, "/start", 1).get(0)).contains("(1/7) 请问怎么称呼你？（姓名）");
      assertThat(bot.telegram.lastCall("setmycommands")).isNotNull();
    }
  }
}
