package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.testkit.SentMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speakers on Telegram, through the real application and a fake Bot API. */
class TelegramSubmissionTest {
  static final long ALICE = 1001;

  @TempDir Path dataDir;
  TelegramHarness h;

  @BeforeEach
  void start() {
    h = new TelegramHarness(dataDir, Clock.systemUTC(), Map.of()).start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void textOnlySubmission_getsTheReceiptAndTheOrganizersAnAlert() {
    String[] answers = {
      "/start",
      "张三",
      "运维工程师，负责公司的容器平台。",
      "zhangsan_docker",
      "138 0013 8000",
      "从零到生产",
      "介绍我们把单体应用迁移到 Docker 的过程和踩过的坑。",
      "/skip",
      "确认"
    };
    int expected = 0;
    for (String answer : answers) {
      h.telegram.sendText(ALICE, answer);
      expected += answer.equals("/start") ? 2 : 1;
      h.awaitTexts(ALICE, expected);
    }

    List<String> texts = h.telegram.textsTo(ALICE);
    assertThat(texts.get(texts.size() - 1)).startsWith("✅ 投稿成功！编号 GZ-01\n《从零到生产》已提交给组织者");
    List<SentMessage> alerts = h.telegram.sentTo(TelegramHarness.ORGANIZERS);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).text()).startsWith("📥 新投稿 GZ-01 · Techparty 广州 · Docker 技术沙龙");
    assertThat(alerts.get(0).buttons())
        .containsExactly("/accept GZ-01", "/shortlist GZ-01", "/reject GZ-01");
    assertThat(alerts.get(0).parseMode()).isEqualTo("HTML");
  }
}
