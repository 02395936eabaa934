package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console after a restart: with a conversation in progress it says where the draft stands and
 * asks the question again before reading a line, so the first line typed answers a question the
 * person can see. With none, it says nothing. And its /help is the organizer's too: the person at
 * the keyboard runs the bot.
 */
class ConsoleRestartTest {
  private static final String BACK =
      "欢迎回来！你为「Techparty 广州 · Docker 技术沙龙」填写的投稿还没有完成（已回答 3/7 项），从这里接着来：\n\n"
          + "(4/7) 你的联系电话是？（只有组织者能看到）\n\n";

  @TempDir Path dataDir;

  private ConsoleRun run(String input) {
    return ConsoleRun.run(dataDir, Map.of(), input);
  }

  @Test
  void restart_inTheMiddleOfADraft_asksTheQuestionAgain_beforeReadingALine() {
    run(ConsoleEndToEndTest.HALF);

    ConsoleRun again = run("");

    assertThat(again.exit()).isZero();
    assertThat(again.out()).isEqualTo(BACK);
  }

  @Test
  void restart_thenTheRest_answersTheQuestionShown() {
    run(ConsoleEndToEndTest.HALF);

    ConsoleRun again = run(ConsoleEndToEndTest.REST);

    assertThat(again.out()).startsWith(BACK + "(5/7) 你的演讲主题是？").contains("✅ 投稿成功！编号 GZ-01");
  }

  @Test
  void help_onTheConsole_listsTheOrganizerCommandsToo() {
    Messages messages = Messages.defaults();

    ConsoleRun run = run("/help\n");

    assertThat(run.out())
        .isEqualTo(
            messages.text(Lang.ZH, "help")
                + "\n\n"
                + messages.text(Lang.ZH, "organizer.help")
                + "\n\n");
  }

  @Test
  void start_withNothingInProgress_saysNothing() {
    assertThat(run("").out()).isEmpty();

    run(ConsoleEndToEndTest.HALF + ConsoleEndToEndTest.REST);

    assertThat(run("").out()).isEmpty();
  }
}
