package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.testing.TestBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the console (where the operator is speaker and organizer at once), through the real entry
 * point: submitted, accepted, confirmed in words, published with a calendar link; then declined,
 * which frees the slot, and published again as an update.
 */
class ConsoleAgendaTest {
  static final String TALK =
      String.join(
          "\n",
          "/start",
          "张三",
          "我是一名运维工程师，负责公司的容器平台。",
          "zhangsan_docker",
          "138 0013 8000",
          "从零到生产",
          "介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。",
          "/skip",
          "确认",
          "");

  @TempDir Path dataDir;

  @Test
  void submittedAcceptedConfirmedPublished_thenDeclined_andTheUpdateSaysSo() throws Exception {
    Path config = dataDir.resolve("cfp-bot.yaml");
    Files.writeString(
        config,
        Files.readString(TestBot.SHIPPED_CONFIG)
            .replace("  digest_time: \"09:00\"", "  digest_time: \"09:00\"\n  decision_delay: 0m"));
    Map<String, String> env =
        Map.of(
            "CFPBOT_CONFIG",
            config.toString(),
            "CFPBOT_PUBLIC_URL",
            "https://cfp.example.org",
            "CFPBOT_HTTP_PORT",
            "0");

    ConsoleRun first =
        ConsoleRun.run(dataDir, env, TALK + "/accept GZ-01\n确认参加\n/agenda publish\n");

    assertThat(first.out())
        .contains("你会来分享吗？请回复「确认参加」或「无法参加」。")
        .contains("🙌 谢谢！已确认你会在「Techparty 广州 · Docker 技术沙龙」分享 GZ-01 《从零到生产》。")
        .contains("13:40 《从零到生产》 — 张三")
        .contains("演讲详情：https://cfp.example.org/agenda/gz-2027-10-docker")
        .contains("你的演讲 《从零到生产》安排在 2027年10月31日（周日） 13:40–14:20 (Asia/Shanghai, UTC+8)。")
        .containsPattern("日历文件：https://cfp\\.example\\.org/calendar/[A-Za-z0-9_.-]+")
        .contains("✅ 议程已发布（第 1 版）：console；已通知 1 位讲者他们的时段。");

    ConsoleRun second = ConsoleRun.run(dataDir, env, "无法参加\n临时出差\n/agenda publish\n");

    assertThat(second.out())
        .contains("已告诉组织者你无法分享 GZ-01 《从零到生产》。")
        .contains("原因：临时出差")
        .contains("[channel] 🔄 议程有更新 · Techparty 广州 · Docker 技术沙龙\n[channel] ✖ 《从零到生产》 — 张三 取消")
        .contains("[channel] 13:40 （待定）")
        .contains("✅ 议程已发布（第 2 版）：console；已通知 0 位讲者他们的时段。");
  }
}
